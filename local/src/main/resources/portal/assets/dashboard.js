/*
 * Local Ground Truth's job dashboard: reads the portal's api/dashboard every two seconds and draws one card per job,
 * charts included (inline SVG drawn here: nothing is loaded from anywhere else).
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var PALETTE = ['#0972d3', '#1d8102', '#8456ce', '#e07941', '#00819c', '#c33d69', '#7d8998', '#b2911c'];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function bar(parts, total) {
    var node = el('div', 'bar');
    parts.forEach(function (part) {
      if (part.value > 0 && total > 0) {
        var piece = el('span', 'bar-part ' + part.kind, String(part.value));
        piece.style.width = (100 * part.value / total) + '%';
        piece.title = part.kind + ': ' + part.value;
        node.appendChild(piece);
      }
    });
    return node;
  }

  function kpi(name, value, detail, className) {
    var node = el('div', 'kpi' + (className ? ' ' + className : ''));
    node.appendChild(el('span', 'kpi-value', String(value)));
    node.appendChild(el('span', 'kpi-name', name));
    if (detail) {
      node.appendChild(el('span', 'kpi-detail', detail));
    }
    return node;
  }

  /** Labels per bin as bars, and the running total as a line over them. */
  function throughputChart(throughput, labeledBefore) {
    var width = 320, height = 110, pad = 4;
    var counts = throughput.labeled;
    var most = Math.max.apply(null, counts.concat([1]));
    var running = [], sum = labeledBefore;
    counts.forEach(function (count) { sum += count; running.push(sum); });
    var top = Math.max(sum, 1);
    var step = (width - 2 * pad) / counts.length;
    var chart = svg('svg', { 'class': 'chart throughput', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-label': 'labels per ' + throughput.binSeconds + ' s and labeled in total' });
    counts.forEach(function (count, i) {
      var h = (height - 2 * pad) * count / most;
      var rect = svg('rect', { x: pad + i * step + 1, y: height - pad - h, width: Math.max(step - 2, 1), height: h,
        'class': 'rate-bar' });
      rect.appendChild(svg('title')).textContent = count + ' labeled';
      chart.appendChild(rect);
    });
    var points = running.map(function (value, i) {
      return (pad + (i + 0.5) * step).toFixed(1) + ',' + (height - pad - (height - 2 * pad) * value / top).toFixed(1);
    }).join(' ');
    chart.appendChild(svg('polyline', { points: points, 'class': 'total-line' }));
    return chart;
  }

  /** How often each label was given, as horizontal bars. */
  function labelChart(labelCounts) {
    var names = Object.keys(labelCounts);
    var rowHeight = 22, width = 320;
    var most = Math.max.apply(null, names.map(function (n) { return labelCounts[n]; }).concat([1]));
    var chart = svg('svg', { 'class': 'chart labels', viewBox: '0 0 ' + width + ' ' + (rowHeight * names.length),
      role: 'img', 'aria-label': 'labels given' });
    names.forEach(function (name, i) {
      var y = i * rowHeight;
      var w = (width - 150) * labelCounts[name] / most;
      chart.appendChild(svg('rect', { x: 110, y: y + 3, width: Math.max(w, 2), height: rowHeight - 6, rx: 3,
        fill: PALETTE[i % PALETTE.length], 'class': 'label-bar', 'data-label': name }));
      chart.appendChild(svg('text', { x: 104, y: y + rowHeight / 2 + 4, 'text-anchor': 'end' })).textContent =
        name.length > 16 ? name.slice(0, 15) + '…' : name;
      chart.appendChild(svg('text', { x: 114 + w, y: y + rowHeight / 2 + 4, 'class': 'count' })).textContent =
        String(labelCounts[name]);
    });
    return chart;
  }

  function section(title, content) {
    var node = el('div', 'panel');
    node.appendChild(el('h3', null, title));
    node.appendChild(content);
    return node;
  }

  function workersTable(workers) {
    var table = el('table', 'workers');
    var head = table.appendChild(el('tr'));
    ['worker', 'answers', 'agreement'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    workers.forEach(function (w) {
      var row = table.appendChild(el('tr'));
      row.setAttribute('data-worker', w.workerId);
      row.appendChild(el('td', 'who', w.workerId));
      row.appendChild(el('td', 'num', String(w.answers)));
      var cell = row.appendChild(el('td', 'agreement'));
      if (w.agreement == null) {
        cell.appendChild(el('span', 'muted', 'not compared'));
      } else {
        var meter = cell.appendChild(el('span', 'meter'));
        var fill = meter.appendChild(el('span', 'meter-fill'));
        fill.style.width = Math.round(100 * w.agreement) + '%';
        cell.appendChild(el('span', 'pct', Math.round(100 * w.agreement) + '%'));
        cell.title = w.agreed + ' of ' + w.compared + ' answers matched the consolidated label';
      }
    });
    return table;
  }

  function recentResults(recent) {
    var list = el('ul', 'recent');
    recent.forEach(function (r) {
      var item = list.appendChild(el('li', 'result'));
      if (r.image) {
        var img = item.appendChild(el('img', 'thumb'));
        img.src = r.image;
        img.alt = r.sourceRef;
        img.loading = 'lazy';
      } else {
        item.appendChild(el('p', 'snippet', r.text != null ? r.text : (r.sourceRef || '')));
      }
      item.appendChild(el('span', 'chip', r.label));
      var who = r.votes.map(function (v) {
        return v.workerId + (v.agrees === true ? ' ✓' : v.agrees === false ? ' ✗' : '');
      }).join(' · ');
      item.appendChild(el('span', 'by', who + ' · ' + new Date(r.labeledAt).toLocaleTimeString()));
    });
    return list;
  }

  function card(job) {
    var c = job.labelCounters;
    var card = el('section', 'job-card');
    card.setAttribute('data-job', job.name);
    var head = el('div', 'job-head');
    head.appendChild(el('h2', null, job.title || job.name));
    head.appendChild(el('span', 'status ' + job.status, job.status));
    card.appendChild(head);
    card.appendChild(el('p', 'meta', job.name));
    var total = c.totalLabeled + c.failedNonRetryableError + c.unlabeled;
    card.appendChild(bar([{ kind: 'labeled', value: c.totalLabeled },
                          { kind: 'failed', value: c.failedNonRetryableError },
                          { kind: 'unlabeled', value: c.unlabeled }], total));
    var kpis = el('div', 'kpis');
    kpis.appendChild(kpi('labeled', c.totalLabeled, c.humanLabeled + ' by people', 'labeled'));
    kpis.appendChild(kpi('per minute', job.labeledLastMinute, 'in the last 60 s', 'rate'));
    var full = job.maxConcurrentTaskCount > 0 ? job.backlog / job.maxConcurrentTaskCount : 0;
    kpis.appendChild(kpi('in flight', job.backlog + ' / ' + job.maxConcurrentTaskCount,
      'MaxConcurrentTaskCount', 'backlog' + (full >= 1 ? ' full' : '')));
    kpis.appendChild(kpi('failed', c.failedNonRetryableError, null, c.failedNonRetryableError > 0 ? 'failed' : ''));
    card.appendChild(kpis);
    var gauge = card.appendChild(el('div', 'gauge'));
    gauge.title = 'objects in flight against MaxConcurrentTaskCount';
    gauge.appendChild(el('span', 'gauge-fill')).style.width = Math.min(100, Math.round(100 * full)) + '%';
    var labeledBefore = c.totalLabeled - job.throughput.labeled.reduce(function (a, b) { return a + b; }, 0);
    card.appendChild(section('Throughput · bars per ' + job.throughput.binSeconds + ' s, line = total',
      throughputChart(job.throughput, Math.max(0, labeledBefore))));
    if (Object.keys(job.labelCounts).length > 0) {
      card.appendChild(section('Labels', labelChart(job.labelCounts)));
    }
    if (job.people.openObjects > 0 || job.people.takenTasks > 0) {
      card.appendChild(el('p', 'meta people', job.people.openObjects + ' open to people, ' + job.people.takenTasks
        + ' being labeled now'));
    }
    if (job.workers.length > 0) {
      card.appendChild(section('Workers', workersTable(job.workers)));
    }
    if (job.recent.length > 0) {
      card.appendChild(section('Recent results', recentResults(job.recent)));
    }
    return card;
  }

  function refresh() {
    var root = document.getElementById('dashboard');
    fetch(root.getAttribute('data-source'), { credentials: 'same-origin' }).then(function (response) {
      return response.json();
    }).then(function (data) {
      root.textContent = '';
      if (data.jobs.length === 0) {
        root.appendChild(el('p', 'empty', 'No labeling jobs yet.'));
      }
      data.jobs.slice().reverse().forEach(function (job) { root.appendChild(card(job)); });
      root.setAttribute('data-updated', new Date().toISOString());
    }).catch(function () { /* the next refresh tries again */ });
  }

  refresh();
  setInterval(refresh, 2000);
})();
