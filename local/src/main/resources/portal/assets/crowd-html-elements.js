/*
 * Local Ground Truth's offline implementation of the crowd HTML elements that Ground Truth worker task templates use.
 * The worker portal answers a template's <script src="https://assets.crowd.aws/crowd-html-elements.js"> with this
 * file, so templates stay exactly as they are on AWS and nothing is loaded from the internet.
 *
 * Each element with a `name` contributes `{ <name>: <output> }` to the answer a crowd-form submits, in the shapes
 * AWS's element reference documents (crowd-classifier: {label}; multi-select: {labels}; crowd-bounding-box:
 * {boundingBoxes, inputImageProperties}; crowd-keypoint: {inputImageProperties, keypoints}; crowd-polygon:
 * {inputImageProperties, polygons}; crowd-semantic-segmentation: {inputImageProperties, labelMappings, labeledImage:
 * {pngImageData}}; crowd-entity-annotation: {entities}; crowd-input / crowd-text-area: the text;
 * crowd-checkbox: {on}). Named plain <input>, <textarea> and <select> fields submit their values too.
 */
(function () {
  'use strict';
  if (window.crowdHtmlElementsLoaded) {
    return;
  }
  window.crowdHtmlElementsLoaded = true;

  /** Attribute values are JSON, or the JavaScript-like literals AWS's examples use ("['a', 'b']", "{ text: 'x' }"). */
  function parseLoose(text, fallback) {
    if (text == null || text === '') {
      return fallback;
    }
    try {
      return JSON.parse(text);
    } catch (ignored) {
      try {
        var json = text.replace(/'/g, '"').replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":');
        return JSON.parse(json);
      } catch (alsoIgnored) {
        return fallback;
      }
    }
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') {
        node.textContent = attributes[key];
      } else if (key === 'class') {
        node.className = attributes[key];
      } else {
        node.setAttribute(key, attributes[key]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function taskId() {
    var bar = document.getElementById('task-bar');
    return bar ? bar.getAttribute('data-task') : null;
  }

  /** Posts the answer of the page's task; on success goes on to the job's next task. */
  function submitAnswer(answerContent, statusNode) {
    var id = taskId();
    if (!id) {
      showStatus(statusNode, 'This page is a preview: there is no task to submit.', true);
      return Promise.resolve();
    }
    showStatus(statusNode, 'Submitting…', false);
    // Under the edge endpoint the portal's paths have a prefix, which the page names as data-base.
    var base = document.documentElement.getAttribute('data-base') || '';
    return fetch(base + '/api/tasks/' + encodeURIComponent(id) + '/submit', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ answerContent: answerContent })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) {
          showStatus(statusNode, body.error || ('The portal refused the answer (' + response.status + ')'), true);
          return;
        }
        showStatus(statusNode, 'Submitted.', false);
        document.body.setAttribute('data-submitted', id);
        window.location.assign(base + (body.next || '/'));
      });
    }).catch(function (error) {
      showStatus(statusNode, 'The answer could not be sent: ' + error, true);
    });
  }

  function showStatus(node, text, problem) {
    if (!node) {
      return;
    }
    node.textContent = text;
    node.className = problem ? 'crowd-status problem' : 'crowd-status';
  }

  /** The named outputs of the crowd elements and plain fields inside a root. */
  function collect(root) {
    var answer = {};
    var missing = [];
    root.querySelectorAll('*').forEach(function (node) {
      var name = node.getAttribute && node.getAttribute('name');
      if (!name) {
        return;
      }
      if (typeof node.crowdValue === 'function') {
        var value = node.crowdValue();
        if (node.hasAttribute('required') && node.crowdIsEmpty && node.crowdIsEmpty()) {
          missing.push(node.getAttribute('header') || name);
        }
        answer[name] = value;
      } else if (node.closest('[data-crowd-internal]') == null
                 && (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT')) {
        if (node.type === 'checkbox' || node.type === 'radio') {
          if (node.checked) {
            answer[name] = node.value;
          }
        } else {
          answer[name] = node.value;
        }
      }
    });
    return { answer: answer, missing: missing };
  }

  class CrowdElement extends HTMLElement {
    connectedCallback() {
      if (this.crowdRendered) {
        return;
      }
      this.crowdRendered = true;
      this.render();
    }

    render() {
    }

    /** The instructions regions of the element, moved into a side panel. */
    instructions() {
      var panel = el('aside', { class: 'crowd-instructions' });
      var shortNode = this.querySelector(':scope > short-instructions');
      var fullNode = this.querySelector(':scope > full-instructions');
      if (shortNode) {
        panel.appendChild(el('h3', { text: 'Instructions' }));
        var shortBody = el('div', { class: 'short-instructions' });
        while (shortNode.firstChild) {
          shortBody.appendChild(shortNode.firstChild);
        }
        panel.appendChild(shortBody);
        shortNode.remove();
      }
      if (fullNode) {
        var details = el('details', { class: 'full-instructions' });
        details.appendChild(el('summary', { text: fullNode.getAttribute('header') || 'View full instructions' }));
        while (fullNode.firstChild) {
          details.appendChild(fullNode.firstChild);
        }
        panel.appendChild(details);
        fullNode.remove();
      }
      return panel;
    }

    header() {
      return el('h2', { class: 'crowd-header', text: this.getAttribute('header') || '' });
    }
  }

  /* ---------- crowd-form and crowd-button ---------- */

  class CrowdForm extends HTMLElement {
    connectedCallback() {
      if (this.crowdRendered) {
        return;
      }
      this.crowdRendered = true;
      var form = this;
      this.status = el('p', { class: 'crowd-status', role: 'status', 'aria-live': 'polite' });
      // AWS's crowd-form adds a Submit button unless the template has one.
      setTimeout(function () {
        if (!form.querySelector('crowd-button[form-action="submit"], button[type="submit"], input[type="submit"]')) {
          var submit = el('crowd-button', { 'form-action': 'submit', variant: 'primary', id: 'crowd-submit' });
          submit.textContent = 'Submit';
          form.appendChild(submit);
        }
        form.appendChild(form.status);
      }, 0);
      this.addEventListener('submit', function (event) {
        event.preventDefault();
        form.submit();
      });
    }

    submit() {
      var collected = collect(this);
      if (collected.missing.length > 0) {
        showStatus(this.status, 'Answer first: ' + collected.missing.join(', '), true);
        return Promise.resolve();
      }
      return submitAnswer(collected.answer, this.status);
    }
  }

  class CrowdButton extends HTMLElement {
    connectedCallback() {
      if (this.crowdRendered) {
        return;
      }
      this.crowdRendered = true;
      var button = el('button', { type: 'button', class: 'crowd-button ' + (this.getAttribute('variant') || '') });
      while (this.firstChild) {
        button.appendChild(this.firstChild);
      }
      if (this.hasAttribute('disabled')) {
        button.disabled = true;
      }
      this.appendChild(button);
      var host = this;
      button.addEventListener('click', function () {
        if (host.getAttribute('form-action') === 'submit') {
          var form = host.closest('crowd-form');
          if (form && form.submit) {
            form.submit();
          }
        }
      });
    }
  }

  /* ---------- instructions ---------- */

  class CrowdInstructions extends HTMLElement {
    connectedCallback() {
      if (this.crowdRendered) {
        return;
      }
      this.crowdRendered = true;
      var details = el('details', { class: 'crowd-instructions-panel' });
      details.appendChild(el('summary', { text: this.getAttribute('link-text') || 'Instructions' }));
      var body = el('div');
      while (this.firstChild) {
        body.appendChild(this.firstChild);
      }
      details.appendChild(body);
      this.appendChild(details);
    }
  }

  /* ---------- classifiers ---------- */

  function choices(host, categories, multiple, name) {
    var group = el('fieldset', { class: 'crowd-choices', 'data-crowd-internal': 'true' });
    group.appendChild(el('legend', { text: multiple ? 'Choose every label that applies' : 'Choose one label' }));
    categories.forEach(function (category, index) {
      var id = name + '-choice-' + index;
      var input = el('input', { type: multiple ? 'checkbox' : 'radio', id: id, value: category,
                                name: '__crowd-' + name, 'data-category': category });
      var label = el('label', { for: id, class: 'crowd-choice' }, [input, el('span', { text: category })]);
      group.appendChild(label);
    });
    return group;
  }

  function categoriesOf(host) {
    var categories = parseLoose(host.getAttribute('categories'), []);
    var exclusion = parseLoose(host.getAttribute('exclusion-category'), null);
    if (exclusion && exclusion.text) {
      categories = categories.concat([exclusion.text]);
    }
    return categories;
  }

  function makeClassifier(multiple, image) {
    return class extends CrowdElement {
      render() {
        var name = this.getAttribute('name') || 'crowd-classifier';
        var target = this.querySelector(':scope > classification-target');
        var instructions = this.instructions();
        var work = el('section', { class: 'crowd-work' });
        work.appendChild(this.header());
        if (image) {
          work.appendChild(el('img', { class: 'crowd-image', src: this.getAttribute('src') || '', alt: 'the image to classify' }));
        }
        if (target) {
          var targetBox = el('div', { class: 'classification-target' });
          while (target.firstChild) {
            targetBox.appendChild(target.firstChild);
          }
          target.remove();
          work.appendChild(targetBox);
        }
        this.group = choices(this, categoriesOf(this), multiple, name);
        work.appendChild(this.group);
        this.appendChild(el('div', { class: 'crowd-layout' }, [work, instructions]));
        if (!this.hasAttribute('required') && !multiple) {
          this.setAttribute('required', '');
        }
      }

      chosen() {
        return Array.prototype.slice.call(this.group.querySelectorAll('input:checked'))
          .map(function (input) { return input.getAttribute('data-category'); });
      }

      crowdValue() {
        return multiple ? { labels: this.chosen() } : { label: this.chosen()[0] || '' };
      }

      crowdIsEmpty() {
        return this.chosen().length === 0;
      }
    };
  }

  /* ---------- crowd-bounding-box ---------- */

  function labelPicker(labels, name) {
    var picker = el('fieldset', { class: 'crowd-labels', 'data-crowd-internal': 'true' });
    picker.appendChild(el('legend', { text: 'Label' }));
    labels.forEach(function (label, index) {
      var text = typeof label === 'string' ? label : label.label;
      var shown = typeof label === 'string' ? label : (label.fullDisplayName || label.label);
      var id = name + '-label-' + index;
      var input = el('input', { type: 'radio', name: '__crowd-label-' + name, id: id, value: text });
      if (index === 0) {
        input.checked = true;
      }
      picker.appendChild(el('label', { for: id, class: 'crowd-label-choice', 'data-label': text },
                                      [input, el('span', { text: shown })]));
    });
    return picker;
  }

  function pickedLabel(picker) {
    var checked = picker.querySelector('input:checked');
    return checked ? checked.value : '';
  }

  class CrowdBoundingBox extends CrowdElement {
    render() {
      var host = this;
      this.boxes = parseLoose(this.getAttribute('initial-value'), []) || [];
      var name = this.getAttribute('name') || 'boundingBox';
      var labels = parseLoose(this.getAttribute('labels'), []);
      var instructions = this.instructions();
      this.picker = labelPicker(labels, name);
      this.image = el('img', { class: 'crowd-image', src: this.getAttribute('src') || '', alt: 'the image to label',
                               draggable: 'false' });
      this.layer = el('div', { class: 'crowd-box-layer', 'data-crowd-internal': 'true' });
      this.stage = el('div', { class: 'crowd-stage' }, [this.image, this.layer]);
      this.list = el('ol', { class: 'crowd-box-list' });
      var work = el('section', { class: 'crowd-work' }, [this.header(), this.picker, this.stage, this.list]);
      this.appendChild(el('div', { class: 'crowd-layout' }, [work, instructions]));
      this.image.addEventListener('load', function () { host.draw(); });
      var start = null;
      var ghost = null;
      this.stage.addEventListener('mousedown', function (event) {
        if (event.button !== 0 || event.target.classList.contains('crowd-box-remove')) {
          return;
        }
        event.preventDefault();
        start = host.point(event);
        ghost = el('div', { class: 'crowd-box drawing' });
        host.layer.appendChild(ghost);
      });
      window.addEventListener('mousemove', function (event) {
        if (start) {
          host.place(ghost, host.rect(start, host.point(event)));
        }
      });
      window.addEventListener('mouseup', function (event) {
        if (!start) {
          return;
        }
        var rect = host.rect(start, host.point(event));
        start = null;
        ghost.remove();
        if (rect.width >= 2 && rect.height >= 2) {
          rect.label = pickedLabel(host.picker);
          host.boxes.push(rect);
          host.draw();
        }
      });
    }

    /** A mouse position in the image's own pixels, inside the image. */
    point(event) {
      var bounds = this.image.getBoundingClientRect();
      var scaleX = (this.image.naturalWidth || bounds.width) / bounds.width;
      var scaleY = (this.image.naturalHeight || bounds.height) / bounds.height;
      var x = Math.min(Math.max(event.clientX - bounds.left, 0), bounds.width) * scaleX;
      var y = Math.min(Math.max(event.clientY - bounds.top, 0), bounds.height) * scaleY;
      return { x: x, y: y };
    }

    rect(a, b) {
      var left = Math.round(Math.min(a.x, b.x));
      var top = Math.round(Math.min(a.y, b.y));
      return { left: left, top: top, width: Math.round(Math.max(a.x, b.x)) - left,
               height: Math.round(Math.max(a.y, b.y)) - top };
    }

    place(node, box) {
      var bounds = this.image.getBoundingClientRect();
      var scaleX = bounds.width / (this.image.naturalWidth || bounds.width);
      var scaleY = bounds.height / (this.image.naturalHeight || bounds.height);
      node.style.left = (box.left * scaleX) + 'px';
      node.style.top = (box.top * scaleY) + 'px';
      node.style.width = (box.width * scaleX) + 'px';
      node.style.height = (box.height * scaleY) + 'px';
    }

    draw() {
      var host = this;
      this.layer.textContent = '';
      this.list.textContent = '';
      this.boxes.forEach(function (box, index) {
        var node = el('div', { class: 'crowd-box', 'data-label': box.label });
        node.appendChild(el('span', { class: 'crowd-box-tag', text: box.label }));
        host.place(node, box);
        host.layer.appendChild(node);
        var remove = el('button', { type: 'button', class: 'crowd-box-remove', text: 'remove' });
        remove.addEventListener('click', function () {
          host.boxes.splice(index, 1);
          host.draw();
        });
        host.list.appendChild(el('li', { class: 'crowd-box-item' }, [
          el('span', { text: box.label + ': ' + box.width + ' × ' + box.height + ' at ' + box.left + ', ' + box.top }),
          remove]));
      });
    }

    crowdValue() {
      return {
        boundingBoxes: this.boxes.map(function (box) {
          return { height: box.height, label: box.label, left: box.left, top: box.top, width: box.width };
        }),
        inputImageProperties: { height: this.image.naturalHeight, width: this.image.naturalWidth }
      };
    }

    crowdIsEmpty() {
      return false;
    }
  }

  /* ---------- crowd-keypoint and crowd-polygon: points clicked on the image ---------- */

  /** An image with a label picker whose clicks, in the image's own pixels, go to `onPoint`. */
  class ImagePointsElement extends CrowdElement {
    render() {
      var host = this;
      var name = this.getAttribute('name') || this.tagName.toLowerCase();
      var labels = parseLoose(this.getAttribute('labels'), []);
      var instructions = this.instructions();
      this.picker = labelPicker(labels, name);
      this.image = el('img', { class: 'crowd-image', src: this.getAttribute('src') || '', alt: 'the image to label',
                               draggable: 'false' });
      this.layer = el('div', { class: 'crowd-box-layer', 'data-crowd-internal': 'true' });
      this.stage = el('div', { class: 'crowd-stage' }, [this.image, this.layer]);
      this.list = el('ol', { class: 'crowd-box-list' });
      var parts = [this.header(), this.picker, this.stage].concat(this.controls()).concat([this.list]);
      this.appendChild(el('div', { class: 'crowd-layout' }, [el('section', { class: 'crowd-work' }, parts),
                                                               instructions]));
      this.image.addEventListener('load', function () { host.draw(); });
      this.stage.addEventListener('click', function (event) {
        var bounds = host.image.getBoundingClientRect();
        var x = Math.round(Math.min(Math.max(event.clientX - bounds.left, 0), bounds.width)
                           * (host.image.naturalWidth || bounds.width) / bounds.width);
        var y = Math.round(Math.min(Math.max(event.clientY - bounds.top, 0), bounds.height)
                           * (host.image.naturalHeight || bounds.height) / bounds.height);
        host.onPoint({ x: x, y: y }, pickedLabel(host.picker));
        host.draw();
      });
    }

    controls() {
      return [];
    }

    dot(point, label, extraClass) {
      var bounds = this.image.getBoundingClientRect();
      var node = el('div', { class: 'crowd-point ' + (extraClass || ''), 'data-label': label, title: label });
      node.style.left = (point.x * bounds.width / (this.image.naturalWidth || bounds.width)) + 'px';
      node.style.top = (point.y * bounds.height / (this.image.naturalHeight || bounds.height)) + 'px';
      this.layer.appendChild(node);
    }

    imageProperties() {
      return { height: this.image.naturalHeight, width: this.image.naturalWidth };
    }
  }

  class CrowdKeypoint extends ImagePointsElement {
    onPoint(point, label) {
      this.keypoints = (this.keypoints || []).concat([{ label: label, x: point.x, y: point.y }]);
    }

    draw() {
      var host = this;
      this.layer.textContent = '';
      this.list.textContent = '';
      (this.keypoints || []).forEach(function (point) {
        host.dot(point, point.label);
        host.list.appendChild(el('li', { text: point.label + ' at ' + point.x + ', ' + point.y }));
      });
    }

    crowdValue() {
      return { inputImageProperties: this.imageProperties(), keypoints: (this.keypoints || []).map(function (p) {
        return { label: p.label, x: p.x, y: p.y };
      }) };
    }
  }

  /** Click the corners of a polygon, then "Close polygon"; each closed polygon keeps the label chosen when closed. */
  class CrowdPolygon extends ImagePointsElement {
    controls() {
      var host = this;
      var close = el('button', { type: 'button', class: 'crowd-button', id: 'crowd-polygon-close',
                                 text: 'Close polygon' });
      close.addEventListener('click', function (event) {
        event.stopPropagation();
        if ((host.open || []).length >= 3) {
          host.polygons = (host.polygons || []).concat([{ label: pickedLabel(host.picker), vertices: host.open }]);
          host.open = [];
          host.draw();
        }
      });
      return [close];
    }

    onPoint(point) {
      this.open = (this.open || []).concat([point]);
    }

    draw() {
      var host = this;
      this.layer.textContent = '';
      this.list.textContent = '';
      (this.polygons || []).forEach(function (polygon) {
        polygon.vertices.forEach(function (vertex) { host.dot(vertex, polygon.label); });
        host.list.appendChild(el('li', { text: polygon.label + ': ' + polygon.vertices.map(function (v) {
          return '(' + v.x + ', ' + v.y + ')';
        }).join(' ') }));
      });
      (this.open || []).forEach(function (vertex) { host.dot(vertex, 'open', 'open'); });
    }

    crowdValue() {
      return { inputImageProperties: this.imageProperties(), polygons: (this.polygons || []).map(function (p) {
        return { label: p.label, vertices: p.vertices.map(function (v) { return { x: v.x, y: v.y }; }) };
      }) };
    }
  }

  /* ---------- crowd-semantic-segmentation: paint labels on the image with a brush ---------- */

  /** The colours labels paint with, in label order (those of AWS's examples). */
  var PALETTE = ['#2ca02c', '#1f77b4', '#ff7f0e', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
                 '#bcbd22', '#17becf'];

  /**
   * A canvas of the image's own size over the image: dragging paints the chosen label's colour with a round brush,
   * pixel by pixel and without anti-aliasing, so every painted pixel has exactly its label's colour and the rest stay
   * transparent (unlabeled). The output is AWS's: {inputImageProperties, labelMappings: {label: {color}},
   * labeledImage: {pngImageData}} with the PNG as base64, no data: prefix.
   */
  class CrowdSemanticSegmentation extends CrowdElement {
    render() {
      var host = this;
      var name = this.getAttribute('name') || 'crowd-semantic-segmentation';
      var labels = parseLoose(this.getAttribute('labels'), []).map(function (label) {
        return typeof label === 'string' ? label : label.label;
      });
      this.colors = {};
      labels.forEach(function (label, index) { host.colors[label] = PALETTE[index % PALETTE.length]; });
      var instructions = this.instructions();
      this.picker = labelPicker(labels, name);
      this.picker.querySelectorAll('.crowd-label-choice').forEach(function (choice) {
        choice.insertBefore(el('span', { class: 'crowd-swatch' }), choice.lastChild)
          .style.background = host.colors[choice.getAttribute('data-label')];
      });
      this.brush = el('input', { type: 'range', min: '2', max: '60', value: '16', id: name + '-brush',
                                 'data-crowd-internal': 'true' });
      var brushLabel = el('label', { for: name + '-brush', class: 'crowd-brush', text: 'Brush ' }, [this.brush]);
      this.eraser = el('input', { type: 'checkbox', id: name + '-eraser', 'data-crowd-internal': 'true' });
      var eraserLabel = el('label', { for: name + '-eraser', class: 'crowd-brush' }, [this.eraser,
                                                                                     el('span', { text: ' Eraser' })]);
      this.image = el('img', { class: 'crowd-image', src: this.getAttribute('src') || '', alt: 'the image to label',
                               draggable: 'false' });
      this.canvas = el('canvas', { class: 'crowd-paint-layer', 'data-crowd-internal': 'true' });
      this.stage = el('div', { class: 'crowd-stage' }, [this.image, this.canvas]);
      var work = el('section', { class: 'crowd-work' }, [this.header(), this.picker,
                                                        el('div', { class: 'crowd-tools' }, [brushLabel, eraserLabel]),
                                                        this.stage]);
      this.appendChild(el('div', { class: 'crowd-layout' }, [work, instructions]));
      var size = function () {
        host.canvas.width = host.image.naturalWidth;
        host.canvas.height = host.image.naturalHeight;
      };
      if (this.image.complete && this.image.naturalWidth) {
        size();
      }
      this.image.addEventListener('load', size);
      var last = null;
      this.canvas.addEventListener('mousedown', function (event) {
        if (event.button !== 0) {
          return;
        }
        event.preventDefault();
        last = host.point(event);
        host.paint(last, last);
      });
      window.addEventListener('mousemove', function (event) {
        if (last) {
          var next = host.point(event);
          host.paint(last, next);
          last = next;
        }
      });
      window.addEventListener('mouseup', function () { last = null; });
    }

    /** A mouse position in the image's own pixels. */
    point(event) {
      var bounds = this.canvas.getBoundingClientRect();
      return { x: (event.clientX - bounds.left) * this.canvas.width / bounds.width,
               y: (event.clientY - bounds.top) * this.canvas.height / bounds.height };
    }

    /** Paints (or erases) the brush's disc along the line from a to b. */
    paint(a, b) {
      var context = this.canvas.getContext('2d');
      var radius = Number(this.brush.value) / 2;
      var erase = this.eraser.checked;
      var rgb = hexToRgb(this.colors[pickedLabel(this.picker)] || PALETTE[0]);
      var left = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius));
      var top = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius));
      var right = Math.min(this.canvas.width, Math.ceil(Math.max(a.x, b.x) + radius) + 1);
      var bottom = Math.min(this.canvas.height, Math.ceil(Math.max(a.y, b.y) + radius) + 1);
      if (right <= left || bottom <= top) {
        return;
      }
      var pixels = context.getImageData(left, top, right - left, bottom - top);
      for (var y = top; y < bottom; y++) {
        for (var x = left; x < right; x++) {
          if (distanceToSegment(x + 0.5, y + 0.5, a, b) <= radius) {
            var at = ((y - top) * (right - left) + (x - left)) * 4;
            pixels.data[at] = erase ? 0 : rgb[0];
            pixels.data[at + 1] = erase ? 0 : rgb[1];
            pixels.data[at + 2] = erase ? 0 : rgb[2];
            pixels.data[at + 3] = erase ? 0 : 255;
          }
        }
      }
      context.putImageData(pixels, left, top);
    }

    crowdValue() {
      var host = this;
      var mappings = {};
      Object.keys(this.colors).forEach(function (label) { mappings[label] = { color: host.colors[label] }; });
      var png = this.canvas.width > 0 ? this.canvas.toDataURL('image/png') : 'data:image/png;base64,';
      return {
        inputImageProperties: { height: this.image.naturalHeight, width: this.image.naturalWidth },
        labelMappings: mappings,
        labeledImage: { pngImageData: png.substring(png.indexOf(',') + 1) }
      };
    }

    crowdIsEmpty() {
      return false;
    }
  }

  function hexToRgb(hex) {
    var value = parseInt(hex.substring(1), 16);
    return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  }

  function distanceToSegment(x, y, a, b) {
    var dx = b.x - a.x;
    var dy = b.y - a.y;
    var length = dx * dx + dy * dy;
    var t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / length));
    var px = a.x + t * dx - x;
    var py = a.y + t * dy - y;
    return Math.sqrt(px * px + py * py);
  }

  /* ---------- crowd-entity-annotation (self-contained: its own Submit) ---------- */

  class CrowdEntityAnnotation extends CrowdElement {
    render() {
      var host = this;
      var name = this.getAttribute('name') || 'crowd-entity-annotation';
      this.text = this.getAttribute('text') || '';
      this.codePoints = Array.from(this.text);
      this.entities = parseLoose(this.getAttribute('initial-value'), []) || [];
      var labels = parseLoose(this.getAttribute('labels'), []);
      var instructions = this.instructions();
      this.picker = labelPicker(labels, name);
      this.textNode = el('div', { class: 'crowd-entity-text', 'data-crowd-internal': 'true' });
      this.list = el('ol', { class: 'crowd-entity-list' });
      this.status = el('p', { class: 'crowd-status', role: 'status' });
      var submit = el('button', { type: 'button', class: 'crowd-button primary', id: 'crowd-entity-submit',
                                  text: 'Submit' });
      var work = el('section', { class: 'crowd-work' },
                    [this.header(), this.picker, this.textNode, this.list, submit, this.status]);
      this.appendChild(el('div', { class: 'crowd-layout' }, [work, instructions]));
      this.draw();
      this.textNode.addEventListener('mouseup', function () { host.takeSelection(); });
      this.textNode.addEventListener('keyup', function () { host.takeSelection(); });
      submit.addEventListener('click', function () {
        var answer = {};
        answer[name] = host.crowdValue();
        submitAnswer(answer, host.status);
      });
    }

    /** The selected text as code point offsets, widened to whole words, becomes an entity of the chosen label. */
    takeSelection() {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
        return;
      }
      var range = selection.getRangeAt(0);
      if (!this.textNode.contains(range.startContainer) || !this.textNode.contains(range.endContainer)) {
        return;
      }
      var start = this.offsetOf(range.startContainer, range.startOffset);
      var end = this.offsetOf(range.endContainer, range.endOffset);
      var word = /[\p{L}\p{N}'’]/u;
      while (start < end && !word.test(this.codePoints[start])) { start++; }
      while (end > start && !word.test(this.codePoints[end - 1])) { end--; }
      while (start > 0 && word.test(this.codePoints[start - 1])) { start--; }
      while (end < this.codePoints.length && word.test(this.codePoints[end])) { end++; }
      selection.removeAllRanges();
      if (end > start) {
        this.entities.push({ label: pickedLabel(this.picker), startOffset: start, endOffset: end });
        this.entities.sort(function (a, b) { return a.startOffset - b.startOffset; });
        this.draw();
      }
    }

    /** The code point offset of a DOM position inside the text node's pieces (each carries its start). */
    offsetOf(container, offset) {
      var piece = container.nodeType === Node.TEXT_NODE ? container.parentNode : container;
      if (container.nodeType !== Node.TEXT_NODE) {
        var child = container.childNodes[offset];
        if (child && child.getAttribute) {
          return Number(child.getAttribute('data-start'));
        }
        return this.codePoints.length;
      }
      var base = Number(piece.getAttribute('data-start'));
      return base + Array.from(container.data.slice(0, offset)).length;
    }

    draw() {
      var host = this;
      this.textNode.textContent = '';
      var at = 0;
      var pieces = [];
      this.entities.forEach(function (entity) {
        if (entity.startOffset >= at) {
          pieces.push({ start: at, end: entity.startOffset });
          pieces.push({ start: entity.startOffset, end: entity.endOffset, entity: entity });
          at = entity.endOffset;
        }
      });
      pieces.push({ start: at, end: this.codePoints.length });
      pieces.forEach(function (piece) {
        if (piece.end <= piece.start) {
          return;
        }
        var node = el(piece.entity ? 'mark' : 'span', { 'data-start': String(piece.start),
                                                        class: piece.entity ? 'crowd-entity' : '' });
        node.textContent = host.codePoints.slice(piece.start, piece.end).join('');
        if (piece.entity) {
          node.setAttribute('data-label', piece.entity.label);
          node.title = piece.entity.label;
        }
        host.textNode.appendChild(node);
      });
      this.list.textContent = '';
      this.entities.forEach(function (entity, index) {
        var remove = el('button', { type: 'button', class: 'crowd-box-remove', text: 'remove' });
        remove.addEventListener('click', function () {
          host.entities.splice(index, 1);
          host.draw();
        });
        host.list.appendChild(el('li', {}, [el('span', {
          text: entity.label + ': "' + host.codePoints.slice(entity.startOffset, entity.endOffset).join('') + '"' }),
          remove]));
      });
    }

    crowdValue() {
      return { entities: this.entities.map(function (e) {
        return { endOffset: e.endOffset, label: e.label, startOffset: e.startOffset };
      }) };
    }
  }

  /* ---------- simple inputs ---------- */

  class CrowdInput extends CrowdElement {
    render() {
      this.field = el(this.multiline ? 'textarea' : 'input', { 'data-crowd-internal': 'true', class: 'crowd-field',
        placeholder: this.getAttribute('placeholder') || '' });
      if (!this.multiline) {
        this.field.type = this.getAttribute('type') || 'text';
      }
      this.field.value = this.getAttribute('value') || '';
      this.appendChild(el('label', { class: 'crowd-field-label' },
                          [el('span', { text: this.getAttribute('label') || '' }), this.field]));
    }

    crowdValue() {
      return this.field.value;
    }

    crowdIsEmpty() {
      return this.field.value === '';
    }
  }

  class CrowdTextArea extends CrowdInput {
    get multiline() {
      return true;
    }
  }

  class CrowdCheckbox extends CrowdElement {
    render() {
      this.box = el('input', { type: 'checkbox', 'data-crowd-internal': 'true' });
      this.box.checked = this.hasAttribute('checked');
      var text = this.textContent;
      this.textContent = '';
      this.appendChild(el('label', {}, [this.box, el('span', { text: text })]));
    }

    crowdValue() {
      return { on: this.box.checked };
    }
  }

  /* crowd-radio-group holds crowd-radio-button elements; each named button submits {on}. */
  class CrowdRadioButton extends CrowdElement {
    render() {
      this.radio = el('input', { type: 'radio', name: '__crowd-radio-' + (this.closest('crowd-radio-group') ?
        Array.prototype.indexOf.call(document.querySelectorAll('crowd-radio-group'), this.closest('crowd-radio-group'))
        : 'single'), 'data-crowd-internal': 'true' });
      this.radio.checked = this.hasAttribute('checked');
      var text = this.textContent;
      this.textContent = '';
      this.appendChild(el('label', {}, [this.radio, el('span', { text: text })]));
    }

    crowdValue() {
      return { on: this.radio.checked };
    }
  }

  class CrowdRadioGroup extends HTMLElement {
  }

  var elements = {
    'crowd-form': CrowdForm,
    'crowd-button': CrowdButton,
    'crowd-instructions': CrowdInstructions,
    'crowd-classifier': makeClassifier(false, false),
    'crowd-classifier-multi-select': makeClassifier(true, false),
    'crowd-image-classifier': makeClassifier(false, true),
    'crowd-image-classifier-multi-select': makeClassifier(true, true),
    'crowd-bounding-box': CrowdBoundingBox,
    'crowd-entity-annotation': CrowdEntityAnnotation,
    'crowd-keypoint': CrowdKeypoint,
    'crowd-polygon': CrowdPolygon,
    'crowd-semantic-segmentation': CrowdSemanticSegmentation,
    'crowd-input': CrowdInput,
    'crowd-text-area': CrowdTextArea,
    'crowd-checkbox': CrowdCheckbox,
    'crowd-radio-group': CrowdRadioGroup,
    'crowd-radio-button': CrowdRadioButton
  };
  // Defined once the page is parsed: the elements read their children (instructions, targets) when connected.
  function defineAll() {
    Object.keys(elements).forEach(function (tag) {
      if (!customElements.get(tag)) {
        customElements.define(tag, elements[tag]);
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', defineAll);
  } else {
    defineAll();
  }
})();
