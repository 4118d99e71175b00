// The console's live part: one EventSource, and plain DOM updates. No framework, no build step.
(function () {
    'use strict';

    const shown = Number(document.body.dataset.timelinesShown || 30);
    const notifyUrl = document.body.dataset.notifyUrl;
    const $ = (selector, root) => (root || document).querySelector(selector);
    const el = (tag, text, className) => {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) node.textContent = text;
        if (className) node.className = className;
        return node;
    };
    const time = iso => iso ? new Date(iso).toISOString().substring(11, 23) : '';
    const money = amount => amount === null || amount === undefined ? '' : Number(amount).toFixed(2);

    // ---- the live feed -------------------------------------------------------------------------------------------
    const liveStatus = $('[data-test="live-status"]');
    function connect() {
        const source = new EventSource('live');
        source.onopen = () => { liveStatus.textContent = 'live'; liveStatus.className = 'live on'; };
        source.onerror = () => {
            liveStatus.textContent = 'reconnecting…';
            liveStatus.className = 'live off';
            if (source.readyState === EventSource.CLOSED) {
                // Refused (the console has too many pages open, or restarted): EventSource gives up; try again later.
                setTimeout(connect, 5000);
            }
        };
        const on = (name, render) => source.addEventListener(name, event => render(JSON.parse(event.data)));
        on('timelines', renderTimelines);
        on('services', renderServices);
        on('accounts', renderAccounts);
        on('gateway', renderGateway);
        on('problems', renderProblems);
        on('faults', renderFaults);
        on('scenario', renderScenario);
    }

    // ---- timelines -----------------------------------------------------------------------------------------------
    const timelines = $('[data-test="timelines"]');
    const cardTemplate = $('#timeline-card');
    function renderTimelines(views) {
        for (const view of views) {
            let card = timelines.querySelector('[data-tx-no="' + CSS.escape(view.txNo) + '"]');
            if (!card) {
                card = cardTemplate.content.firstElementChild.cloneNode(true);
                card.dataset.txNo = view.txNo;
                card.dataset.firstSeen = view.firstSeen;
                insertByFirstSeen(card);
            }
            fillCard(card, view);
        }
        while (timelines.children.length > shown) {
            timelines.lastElementChild.remove(); // the oldest: the page never grows without bound
        }
        $('[data-test="no-pays"]').hidden = timelines.children.length > 0;
    }
    function insertByFirstSeen(card) {
        for (const other of timelines.children) {
            if (other.dataset.firstSeen < card.dataset.firstSeen) {
                timelines.insertBefore(card, other);
                return;
            }
        }
        timelines.appendChild(card);
    }
    function fillCard(card, view) {
        card.dataset.status = view.status;
        $('[data-test="timeline-txno"]', card).textContent = view.txNo;
        $('[data-test="timeline-who"]', card).textContent =
            (view.accountNo ? 'account ' + view.accountNo : '') + (view.amount !== null ? ' · ' + money(view.amount) : '');
        const badge = $('[data-test="timeline-status"]', card);
        badge.textContent = view.settledBy || view.status;
        badge.className = 'badge ' + view.status.replace(' ', '-');
        const steps = $('[data-test="timeline-steps"]', card);
        steps.replaceChildren(...view.steps.map(step => {
            const li = el('li', null, 'step ' + step.service + (step.credited ? ' credited' : '')
                + (step.alreadyApplied ? ' already' : ''));
            li.dataset.test = 'step';
            li.dataset.step = step.step;
            li.dataset.outcome = step.outcome || '';
            li.append(el('time', time(step.at)), el('span', step.service, 'svc'), el('span', step.label, 'label'));
            if (step.detail) li.append(el('span', step.detail, 'detail'));
            return li;
        }));
    }

    // ---- services, accounts --------------------------------------------------------------------------------------
    function renderServices(states) {
        for (const [service, state] of Object.entries(states)) {
            const node = $('[data-service="' + service + '"]');
            if (!node) continue;
            node.classList.toggle('down', !state.up);
            node.title = state.up ? 'answering' : 'not answering';
            let word = node.querySelector('.state');
            if (!word) { word = el('span', null, 'state'); node.append(word); }
            word.textContent = state.up ? '' : ' (down)';
            if (state.missed > 0) node.title += '; ' + state.missed + ' journal entries came too fast to show';
        }
    }
    const accountSelect = $('[data-test="pay-account"]');
    function renderAccounts(accounts) {
        if (!Array.isArray(accounts)) return;
        const body = $('[data-test="accounts"] tbody');
        body.replaceChildren(...accounts.map(account => {
            const tr = el('tr');
            tr.dataset.test = 'account';
            tr.dataset.accountNo = account.accountNo;
            const balance = el('td', money(account.accountBalance), 'num');
            balance.dataset.test = 'balance';
            tr.append(el('td', account.accountNo), el('td', account.accountName), balance);
            return tr;
        }));
        if (accountSelect.options.length !== accounts.length) {
            const chosen = accountSelect.value;
            accountSelect.replaceChildren(...accounts.map(a => new Option(a.accountNo + ' ' + a.accountName, a.accountNo)));
            if (chosen) accountSelect.value = chosen;
        }
    }

    // ---- the notify gateway --------------------------------------------------------------------------------------
    const operatorToken = $('[data-test="operator-token"]');
    operatorToken.value = sessionStorage.getItem('operatorToken') || '';
    operatorToken.addEventListener('change', () => sessionStorage.setItem('operatorToken', operatorToken.value));
    const operatorResult = $('[data-test="operator-result"]');

    async function call(method, path, body, output) {
        // Every POST carries JSON, which a page on another site cannot send here without the console's consent.
        if (method === 'POST' && body === undefined) body = {};
        const headers = {'Accept': 'application/json'};
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        if (operatorToken.value) headers['Authorization'] = 'Bearer ' + operatorToken.value;
        try {
            const answer = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
            const text = await answer.text();
            let json = null;
            try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
            if (output) {
                output.textContent = answer.ok ? 'done' : (answer.status + ' ' + ((json && (json.detail || json.title)) || text));
                output.className = answer.ok ? 'ok' : 'bad';
            }
            return {ok: answer.ok, status: answer.status, json};
        } catch (failed) {
            if (output) { output.textContent = 'no answer: ' + failed.message; output.className = 'bad'; }
            return {ok: false, status: 0, json: null};
        }
    }

    // A redraw must not take the keyboard's place away, nor close an attempt log the operator opened.
    const openAttempts = new Map();
    function focusKey() {
        const active = document.activeElement;
        const row = active && active.closest('[data-task-id],[data-endpoint-id]');
        return row ? {task: row.dataset.taskId, endpoint: row.dataset.endpointId, test: active.dataset.test} : null;
    }
    function restoreFocus(key) {
        if (!key) return;
        const row = key.task ? $('[data-task-id="' + key.task + '"]') : $('[data-endpoint-id="' + key.endpoint + '"]');
        const target = row && row.querySelector('[data-test="' + key.test + '"]');
        if (target) target.focus();
    }

    function renderGateway(gateway) {
        const focused = focusKey();
        const tasks = $('[data-test="tasks"]');
        tasks.replaceChildren();
        for (const status of ['PENDING', 'FAILED', 'SUCCEEDED']) {
            const list = gateway[status];
            const section = el('section', null, 'tasks');
            section.dataset.test = 'tasks-' + status;
            section.append(el('h3', status.toLowerCase() + (Array.isArray(list) ? ' (newest ' + list.length + ')' : ' (not readable)')));
            const ul = el('ul', null, 'plain small');
            for (const task of (Array.isArray(list) ? list : [])) {
                const li = el('li');
                li.dataset.test = 'task';
                li.dataset.txNo = task.txNo;
                li.dataset.taskId = task.id;
                li.append(el('span', task.txNo, 'txno'),
                    el('span', ' · ' + task.attempts + ' attempt' + (task.attempts === 1 ? '' : 's')
                        + (task.lastStatus ? ' · last HTTP ' + task.lastStatus : '')));
                const attempts = el('button', 'attempts');
                attempts.type = 'button';
                attempts.dataset.test = 'task-attempts';
                attempts.setAttribute('aria-label', 'attempts of ' + task.txNo);
                attempts.addEventListener('click', () => showAttempts(task.id, li));
                const renotify = el('button', 're-notify');
                renotify.type = 'button';
                renotify.dataset.test = 'renotify';
                renotify.setAttribute('aria-label', 're-notify ' + task.txNo);
                renotify.addEventListener('click', () => call('POST', 'operator/tasks/' + task.id + '/renotify', undefined, operatorResult));
                li.append(' ', attempts, ' ', renotify);
                if (openAttempts.has(String(task.id))) li.append(attemptLog(openAttempts.get(String(task.id))));
                ul.append(li);
            }
            section.append(ul);
            tasks.append(section);
        }
        const endpoints = $('[data-test="endpoints"]');
        endpoints.replaceChildren(...(Array.isArray(gateway.endpoints) ? gateway.endpoints : []).map(endpoint => {
            const li = el('li');
            li.dataset.test = 'endpoint';
            li.dataset.endpointId = endpoint.id;
            li.dataset.status = endpoint.status;
            li.append(el('span', endpoint.receiverId + ' → ' + endpoint.notifyUrl + ' '),
                el('strong', endpoint.status.toLowerCase()));
            if (endpoint.disabledReason) li.append(el('span', ' (' + endpoint.disabledReason + ')', 'detail'));
            const enable = endpoint.status === 'DISABLED';
            const button = el('button', enable ? 'enable' : 'disable');
            button.type = 'button';
            button.dataset.test = enable ? 'endpoint-enable' : 'endpoint-disable';
            button.setAttribute('aria-label', (enable ? 'enable ' : 'disable ') + endpoint.notifyUrl);
            button.addEventListener('click', () => call('POST', 'operator/endpoints/' + endpoint.id + (enable ? '/enable' : '/disable'),
                enable ? undefined : {reason: 'disabled from the console'}, operatorResult));
            li.append(' ', button);
            return li;
        }));
        restoreFocus(focused);
        const actions = $('[data-test="actions"]');
        actions.replaceChildren(...(Array.isArray(gateway.actions) ? gateway.actions : []).map(action =>
            el('li', time(action.createdAt) + ' ' + action.operator + ' ' + action.action.toLowerCase() + ' ' + action.target
                + (action.detail ? ' — ' + action.detail : ''))));
    }

    async function showAttempts(taskId, li) {
        const answer = await call('GET', 'operator/tasks/' + taskId, undefined, operatorResult);
        if (!answer.ok || !answer.json) return;
        openAttempts.set(String(taskId), answer.json.attempts || []);
        const old = li.querySelector('[data-test="attempt-log"]');
        if (old) old.remove();
        li.append(attemptLog(answer.json.attempts || []));
    }
    function attemptLog(attempts) {
        const list = el('ol', null, 'attempts');
        list.dataset.test = 'attempt-log';
        list.replaceChildren(...attempts.map(attempt =>
            el('li', '#' + attempt.attemptNo + ' ' + time(attempt.startedAt) + ' ' + attempt.outcome
                + (attempt.httpStatus ? ' HTTP ' + attempt.httpStatus : '') + ' in ' + attempt.latencyMs + ' ms'
                + (attempt.error ? ' — ' + attempt.error : ''))));
        return list;
    }

    $('[data-test="recover-form"]').addEventListener('submit', event => {
        event.preventDefault();
        const form = event.target;
        const since = new Date(form.since.value + 'Z').toISOString();
        call('POST', 'operator/receivers/' + encodeURIComponent(form.receiverId.value) + '/recover', {since}, operatorResult);
    });
    $('[data-test="recover-since"]').value = new Date(Date.now() - 3600_000).toISOString().substring(0, 19);

    // ---- problems ------------------------------------------------------------------------------------------------
    function renderProblems(problems) {
        const list = (selector, items, line) => {
            const ul = $(selector);
            ul.replaceChildren(...(Array.isArray(items) && items.length ? items.map(item => {
                const li = el('li', line(item));
                li.dataset.txNo = item.txNo;
                return li;
            }) : [el('li', Array.isArray(items) ? 'none' : 'not readable', 'detail')]));
        };
        list('[data-test="dead-letters"]', problems.deadLetters,
            d => d.txNo + ' · gave up after ' + d.reconsumeTimes + ' redeliveries');
        list('[data-test="parked"]', problems.parked,
            p => p.txNo + ' · ' + p.reason + (p.timesSeen > 1 ? ' (seen ' + p.timesSeen + '×)' : ''));
    }

    // ---- fault switches ------------------------------------------------------------------------------------------
    const faultsResult = $('[data-test="faults-result"]');
    function renderFaults(faults) {
        const root = $('[data-test="faults"]');
        if (root.contains(document.activeElement)) return; // do not pull an input from under the keyboard
        root.replaceChildren();
        for (const [service, switches] of Object.entries(faults)) {
            const fieldset = el('fieldset');
            fieldset.dataset.test = 'faults-' + service;
            fieldset.append(el('legend', service));
            if (!switches || typeof switches !== 'object' || Object.keys(switches).length === 0) {
                fieldset.append(el('p', 'no fault switches here (local profile only)', 'detail'));
                root.append(fieldset);
                continue;
            }
            for (const [name, value] of Object.entries(switches)) {
                const label = el('label', name + ' ');
                const input = el('input');
                input.name = name;
                input.value = value === null ? '' : value;
                input.dataset.test = 'fault-' + name;
                input.dataset.unset = String(value === null);
                input.dataset.number = String(typeof value === 'number');
                input.size = 8;
                label.append(input);
                fieldset.append(label);
            }
            const set = el('button', 'Set ' + service + ' switches');
            set.type = 'button';
            set.dataset.test = 'faults-set-' + service;
            set.addEventListener('click', () => {
                const change = {};
                for (const input of fieldset.querySelectorAll('input')) {
                    if (input.dataset.unset === 'true' && input.value === '') continue; // left unset
                    change[input.name] = input.dataset.number === 'true' ? Number(input.value) : input.value;
                }
                call('POST', 'ops/faults/' + service, change, faultsResult);
            });
            fieldset.append(set);
            root.append(fieldset);
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------------------------
    const narrationPanel = $('[data-test="narration-panel"]');
    const narration = $('[data-test="narration"]');
    for (const button of document.querySelectorAll('[data-scenario]')) {
        button.addEventListener('click', async () => {
            const answer = await call('POST', 'scenarios/' + button.dataset.scenario, undefined, null);
            if (!answer.ok) {
                narrationPanel.hidden = false;
                narration.textContent = 'not started: ' + ((answer.json && answer.json.detail) || answer.status);
            }
        });
    }
    function renderScenario(line) {
        narrationPanel.hidden = false;
        if (line.line === 'started') {
            $('[data-test="narration-name"]').textContent = line.scenario;
            narration.textContent = '';
            narrationPanel.dataset.state = 'running';
            return;
        }
        if (line.exit !== null && line.exit !== undefined) {
            narrationPanel.dataset.state = line.exit === 0 ? 'as-expected' : 'not-as-expected';
            return;
        }
        narration.textContent += line.line + '\n';
        narration.scrollTop = narration.scrollHeight;
    }

    // ---- a pay from the page -------------------------------------------------------------------------------------
    $('[data-test="pay-form"]').addEventListener('submit', async event => {
        event.preventDefault();
        const form = event.target;
        const pay = {accountNo: form.accountNo.value, payAmount: form.payAmount.value};
        if (form.notify.checked) { pay.receiverId = 'bank1'; pay.notifyUrl = notifyUrl; }
        const output = $('[data-test="pay-result"]');
        const answer = await call('POST', 'paydo', pay, output);
        if (answer.ok && answer.json) output.textContent = 'paid: txNo ' + answer.json.txNo;
    });

    connect();
})();
