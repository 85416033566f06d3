/* Local Ground Truth's job dashboard: reads /api/dashboard every two seconds and draws one card per job. */
(function () {
  'use strict';

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
    var counts = el('dl', 'counts');
    [['labeled', c.totalLabeled], ['by people', c.humanLabeled], ['failed', c.failedNonRetryableError],
     ['unlabeled', c.unlabeled], ['open to people', job.people.openObjects],
     ['being labeled', job.people.takenTasks + ' / ' + job.maxConcurrentTaskCount + ' at most']]
      .forEach(function (pair) {
        counts.appendChild(el('dt', null, pair[0]));
        counts.appendChild(el('dd', null, String(pair[1])));
      });
    card.appendChild(counts);
    var workers = Object.keys(job.people.submissionsByWorker);
    if (workers.length > 0) {
      var list = el('ul', 'workers');
      workers.forEach(function (worker) {
        var count = job.people.submissionsByWorker[worker];
        list.appendChild(el('li', null, worker + ': ' + count + (count === 1 ? ' answer' : ' answers')));
      });
      card.appendChild(list);
    }
    return card;
  }

  function refresh() {
    fetch('/api/dashboard', { credentials: 'same-origin' }).then(function (response) {
      return response.json();
    }).then(function (data) {
      var root = document.getElementById('dashboard');
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
