// The order page follows its order by server-sent events until the status is final. Plain JavaScript, no build step.
(function () {
    'use strict';

    var order = document.querySelector('[data-test="order"]');
    if (!order) {
        return;
    }
    var status = order.querySelector('[data-test="order-status"]');
    var settledBy = order.querySelector('[data-test="order-settled-by"]');
    var settledRows = order.querySelectorAll('[data-role="settled"]');
    var live = order.querySelector('[data-role="live"]');

    function show(view) {
        status.textContent = view.status;
        status.className = 'status status-' + view.status;
        if (view.settledBy) {
            settledBy.textContent = view.settledBy;
            settledRows.forEach(function (row) { row.hidden = false; });
        }
    }

    if (status.textContent.trim() !== 'pending') {
        return; // final already: nothing to wait for
    }
    if (!window.EventSource) {
        live.textContent = 'This browser cannot follow the order: reload the page to see its status.';
        return;
    }

    var source = new EventSource(order.getAttribute('data-events'));
    live.textContent = 'Waiting for the provider\u2019s notification\u2026';
    source.addEventListener('status', function (event) {
        var view = JSON.parse(event.data);
        show(view);
        if (view.status !== 'pending') {
            source.close();
            live.textContent = '';
        }
    });
    source.addEventListener('error', function () {
        // CONNECTING: the stream ended (a timeout, a restart) and the browser opens a new one by itself.
        if (source.readyState === EventSource.CLOSED) {
            live.textContent = 'Live updates stopped: reload the page to see the latest status.';
        }
    });
})();
