// The "SCIM integration" admin page. Signs in with the admin password, which the server turns into a session kept
// in an HttpOnly cookie that this script never sees (docs/adr/011). Data from the server only ever reaches the DOM
// as text.
'use strict';

(function () {
  const PAGE_SIZE = 10;
  const POLL_MILLIS = 3000;
  const ROLES = ['Registered', 'Moderator', 'Admin'];
  const SOURCES = {scim: 'SCIM (IdP)', admin: 'Admin (here)', 'sign-in': 'Sign-in', upgrade: 'Roster upgrade'};

  const site = decodeURIComponent(location.pathname.split('/')[2] || '');
  const apiBase = '/c/' + encodeURIComponent(site) + '/admin/api';
  const sessionUrl = '/admin/api/session';
  const $ = (id) => document.getElementById(id);

  let settings = null;
  let pendingIdentities = [];
  let startIndex = 1;
  let totalUsers = 0;
  let newestActivity = null;
  let pollTimer = null;
  let signedIn = false;

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  // ---- the admin API ----

  async function request(method, url, body) {
    // X-Requested-With asks the server for a challenge the browser shows no password dialog for: when the session
    // ends, the page's own form comes back. Every change is sent as JSON, with or without a body, as the server
    // requires of state-changing calls.
    const headers = {Accept: 'application/json', 'X-Requested-With': 'fetch'};
    const init = {method, headers, cache: 'no-store', credentials: 'same-origin'};
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      if (body !== undefined) {
        init.body = JSON.stringify(body);
      }
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      throw new ApiError(0, 'the server could not be reached. Check that it is running, then try again.');
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) {
      const detail = json && typeof json.detail === 'string' ? json.detail
        : 'the server answered ' + response.status + ' ' + response.statusText + '.';
      throw new ApiError(response.status, detail);
    }
    return json;
  }

  function api(method, path, body) {
    return request(method, apiBase + path, body);
  }

  // ---- messages ----

  function showError(context, error) {
    if (error instanceof ApiError && error.status === 401 && signedIn) {
      showSignIn('Your session has ended (it expired, you signed out elsewhere, or the admin password changed). '
        + 'Please sign in again.');
      return;
    }
    const detail = error instanceof ApiError ? error.message : 'something went wrong in this page (' + error + ').';
    $('alert').textContent = context + ': ' + detail;
  }

  function clearError() {
    $('alert').textContent = '';
  }

  function announce(message) {
    $('status').textContent = message;
  }

  async function act(context, work) {
    clearError();
    try {
      await work();
    } catch (e) {
      showError(context, e);
    }
  }

  // ---- sign in and out ----

  function showSignIn(message) {
    signedIn = false;
    stopPolling();
    $('console').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('admin-password').value = '';
    $('admin-password').focus();
    if (message) {
      $('alert').textContent = message;
    }
  }

  async function signOut() {
    clearError();
    try {
      await request('DELETE', sessionUrl);
      showSignIn('');
      announce('You are signed out.');
    } catch (e) {
      $('alert').textContent = 'Could not sign out: ' + (e instanceof ApiError ? e.message : e);
    }
  }

  async function signIn(event) {
    event.preventDefault();
    clearError();
    $('sign-in-button').disabled = true;
    try {
      await request('POST', sessionUrl, {user: $('admin-user').value, password: $('admin-password').value});
      $('admin-password').value = '';
      signedIn = true;
      openConsole(await api('GET', '/settings'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && !signedIn) {
        $('alert').textContent = 'Could not sign in: the user or the admin password is wrong.';
      } else {
        showError('Could not sign in', e);
      }
    } finally {
      $('sign-in-button').disabled = false;
    }
  }

  function openConsole(loaded) {
    signedIn = true;
    $('sign-in').hidden = true;
    $('console').hidden = false;
    $('sign-out').hidden = false;
    renderSettings(loaded);
    loadUsers().catch((e) => showError('Could not load the users', e));
    loadPendingIdentities().catch((e) => showError('Could not load the pending identities', e));
    loadTokens().catch((e) => showError('Could not load the tokens', e));
    loadExchanges().catch((e) => showError('Could not load the request inspector', e));
    pollActivity();
  }

  // ---- settings and token ----

  function renderSettings(loaded) {
    settings = loaded;
    const sso = settings.ssoConfigured;
    $('sso-configured').checked = sso;
    $('scim-enabled').checked = settings.scimEnabled;
    $('manage-roles').checked = settings.manageRoles;
    $('sso-required').hidden = sso;
    ['scim-enabled', 'manage-roles', 'generate-token'].forEach((id) => { $(id).disabled = !sso; });
    $('scim-base-url').value = settings.scimBaseUrl;
    renderCreationPolicy(settings);
    renderRateLimits(settings);
    const created = $('token-created');
    created.textContent = '';
    if (settings.tokenCreatedAt) {
      created.append('The current token was generated on ', timeElement(settings.tokenCreatedAt), '.');
    } else {
      created.textContent = 'No token has been generated yet.';
    }
  }

  function changeSetting(name, label) {
    return (event) => act('Could not change "' + label + '"', async () => {
      const wanted = event.target.checked;
      try {
        renderSettings(await api('PATCH', '/settings', {[name]: wanted}));
        announce('"' + label + '" is now ' + (wanted ? 'on' : 'off') + '.');
      } catch (e) {
        event.target.checked = !wanted;
        throw e;
      }
      // Turning role management off (SSO off does too) drops the roles held on pending identities.
      loadPendingIdentities().catch((e) => showError('Could not load the pending identities', e));
    });
  }

  // ---- creation policy ----

  const POLICY_NAMES = {pending: 'Hold them until they sign in', 'jit-only': 'Refuse them',
    allow: 'Create their account'};

  function creationPolicyInputs() {
    return [...document.querySelectorAll('input[name="creation-policy"]')];
  }

  function renderCreationPolicy(loaded) {
    creationPolicyInputs().forEach((input) => {
      input.checked = input.value === loaded.creationPolicy;
      input.disabled = !loaded.ssoConfigured;
    });
    // Whether SCIM manages roles is part of what the pending identities' roles say.
    renderPendingIdentities();
  }

  function changeCreationPolicy(event) {
    const wanted = event.target.value;
    return act('Could not change what happens to people who have not signed in yet', async () => {
      try {
        renderSettings(await api('PATCH', '/settings', {creationPolicy: wanted}));
        announce('When the IdP sends someone who has not signed in yet: "' + POLICY_NAMES[wanted] + '".');
      } catch (e) {
        renderCreationPolicy(settings);
        throw e;
      }
    });
  }

  function wireCreationPolicy() {
    creationPolicyInputs().forEach((input) => input.addEventListener('change', changeCreationPolicy));
  }

  // ---- rate limits ----

  function renderRateLimits(loaded) {
    $('site-rate-limit').value = loaded.siteRateLimit || '';
    $('token-rate-limit').value = loaded.tokenRateLimit || '';
  }

  function saveRateLimits(event) {
    event.preventDefault();
    // An empty field clears its limit (null); the server checks the written form and says what to write.
    const wanted = {
      siteRateLimit: $('site-rate-limit').value.trim() || null,
      tokenRateLimit: $('token-rate-limit').value.trim() || null
    };
    return act('Could not change the rate limits', async () => {
      renderSettings(await api('PATCH', '/settings', wanted));
      announce('Rate limits: whole site ' + (settings.siteRateLimit || 'no limit') + ', each token '
        + (settings.tokenRateLimit || 'no limit') + '.');
    });
  }

  function askToGenerate() {
    if (settings && settings.tokenCreatedAt) {
      $('confirm-token').returnValue = '';
      $('confirm-token').showModal();
      $('confirm-token-cancel').focus();
    } else {
      generateToken();
    }
  }

  function generateToken() {
    return act('Could not generate a token', async () => {
      const generated = await api('POST', '/scim-token');
      $('token-value').value = generated.token;
      $('new-token').hidden = false;
      renderSettings(Object.assign({}, settings, {tokenCreatedAt: generated.createdAt}));
      showSecret();
      await loadTokens();
    });
  }

  function showSecret() {
    $('token-value').focus();
    $('token-value').select();
    announce('A new token was generated. Copy it now: it is shown only this once.');
  }

  // ---- tokens ----

  async function loadTokens() {
    const listed = await api('GET', '/tokens');
    $('tokens-body').replaceChildren(...listed.tokens.map(tokenRow));
    if (listed.tokens.length === 0) {
      const row = document.createElement('tr');
      const td = cell('Name', 'No token yet.');
      td.colSpan = 6;
      row.append(td);
      $('tokens-body').append(row);
    }
  }

  function timeCell(label, iso, none) {
    const td = cell(label, iso ? '' : none);
    if (iso) {
      td.append(timeElement(iso));
    }
    return td;
  }

  function tokenRow(token) {
    const row = document.createElement('tr');
    row.dataset.tokenName = token.name;
    if (token.expired) {
      row.classList.add('expired');
    }
    const expires = timeCell('Expires', token.expiresAt, 'Never');
    if (token.expired) {
      expires.append(' (expired)');
    }
    const actions = cell('Actions', '');
    actions.append(button('Revoke', 'Revoke the token ' + token.name, () =>
      act('Could not revoke the token ' + token.name, async () => {
        await api('DELETE', '/tokens/' + encodeURIComponent(token.id));
        announce('The token "' + token.name + '" was revoked: it opens nothing from now on.');
        await loadTokens();
        await loadActivity();
      })));
    row.append(cell('Name', token.name), timeCell('Created', token.createdAt, ''), expires,
      timeCell('Last used', token.lastUsedAt, 'Never'), cell('From', token.lastUsedFrom || '—'), actions);
    return row;
  }

  function createToken(event) {
    event.preventDefault();
    return act('Could not generate the token', async () => {
      const body = {name: $('token-name').value};
      if ($('token-expiry').value) {
        body.expiresAt = new Date($('token-expiry').value + 'T00:00:00').toISOString();
      }
      const others = $('token-others').value;
      if (others === 'keep') {
        body.keepOthers = true;
      } else {
        body.overlapMinutes = Number(others);
      }
      const generated = await api('POST', '/tokens', body);
      $('token-value').value = generated.token;
      $('new-token').hidden = false;
      $('token-name').value = '';
      showSecret();
      await loadTokens();
      await loadActivity();
    });
  }

  // ---- request inspector ----

  async function loadExchanges() {
    const status = $('inspector-status').value;
    const listed = await api('GET', '/exchanges' + (status ? '?status=' + encodeURIComponent(status) : ''));
    $('inspector-body').replaceChildren(...listed.exchanges.map(exchangeRow));
    const lost = listed.dropped + listed.failed;
    $('inspector-summary').textContent = (listed.exchanges.length === 0 ? 'No SCIM request matches yet.'
      : listed.exchanges.length + ' requests shown, newest first.')
      + (lost > 0 ? ' ' + lost + ' requests could not be recorded by this server since it started.' : '')
      + (listed.sampledOut > 0 ? ' Under load this server kept a sample of the successful requests: '
        + listed.sampledOut + ' left out since it started.' : '');
  }

  function exchangeRow(exchange) {
    const row = document.createElement('tr');
    row.dataset.exchangeId = String(exchange.id);
    if (exchange.status >= 400) {
      row.classList.add('drifted');
    }
    const details = cell('Details', '');
    details.append(button('Show', 'Show request ' + exchange.id, () =>
      act('Could not load the request', () => showExchange(exchange.id))));
    row.append(timeCell('Time', exchange.at, ''), cell('IdP', exchange.idp),
      cell('Request', exchange.method + ' ' + exchange.path), cell('Status', String(exchange.status)),
      cell('Duration', exchange.durationMs + ' ms'), details);
    return row;
  }

  function pretty(text) {
    if (text === null) {
      return '(no body)';
    }
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch (e) {
      return text;
    }
  }

  async function showExchange(id) {
    const exchange = await api('GET', '/exchanges/' + encodeURIComponent(String(id)));
    document.querySelectorAll('#inspector-body tr.selected').forEach((row) => row.classList.remove('selected'));
    const row = document.querySelector('#inspector-body tr[data-exchange-id="' + String(id) + '"]');
    if (row) {
      row.classList.add('selected');
    }
    $('exchange-title').textContent = exchange.method + ' ' + exchange.path + ' → ' + exchange.status + ' ('
      + exchange.idp + ', ' + exchange.durationMs + ' ms'
      + (exchange.requestId ? ', request id ' + exchange.requestId : '') + ')';
    $('exchange-request').textContent = pretty(exchange.requestBody);
    $('exchange-response').textContent = pretty(exchange.responseBody);
    $('exchange-detail').hidden = false;
  }

  async function copy(inputId, what) {
    clearError();
    const input = $(inputId);
    try {
      await navigator.clipboard.writeText(input.value);
    } catch (e) {
      // Outside a secure context there is no async clipboard; selecting and copying still works there.
      input.focus();
      input.select();
      if (!document.execCommand('copy')) {
        $('alert').textContent = 'Could not copy the ' + what + ': select it and copy it yourself.';
        return;
      }
    }
    announce('The ' + what + ' was copied.');
  }

  // ---- users ----

  function filterFor(text) {
    const trimmed = text.trim();
    if (!trimmed) {
      return '';
    }
    const quoted = '"' + trimmed.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    return ['userName', 'emails.value', 'name.givenName', 'name.familyName', 'displayName']
      .map((attribute) => attribute + ' co ' + quoted).join(' or ');
  }

  async function loadUsers() {
    const query = new URLSearchParams({startIndex: String(startIndex), count: String(PAGE_SIZE)});
    const filter = filterFor($('user-filter').value);
    if (filter) {
      query.set('filter', filter);
    }
    const page = await api('GET', '/users?' + query);
    totalUsers = page.totalResults;
    renderUsers(page.users);
    const last = Math.min(totalUsers, startIndex + page.users.length - 1);
    $('users-summary').textContent = totalUsers === 0 ? 'No users match.'
      : 'Users ' + startIndex + '–' + last + ' of ' + totalUsers + '.';
    $('page-info').textContent = 'Page ' + (Math.floor((startIndex - 1) / PAGE_SIZE) + 1) + ' of '
      + Math.max(1, Math.ceil(totalUsers / PAGE_SIZE));
    $('previous-page').disabled = startIndex <= 1;
    $('next-page').disabled = startIndex + PAGE_SIZE > totalUsers;
  }

  function statusText(user) {
    if (user.scimDeleted) {
      return 'Deleted by IdP';
    }
    return user.active ? 'Active' : 'Deactivated';
  }

  function renderUsers(users) {
    const body = $('users-body');
    body.replaceChildren(...users.map(userRow));
  }

  function userRow(user) {
    const row = document.createElement('tr');
    row.dataset.userName = user.userName;
    if (user.drift) {
      row.classList.add('drifted');
    }
    row.append(
      cell('User name', user.userName),
      cell('Email', user.email || '—'),
      statusCell(user),
      cell('IdP says', user.idpActive === null ? 'Nothing yet' : (user.idpActive ? 'Active' : 'Deactivated')),
      roleCell(user),
      cell('Last changed by', SOURCES[user.lastChangedBy] || user.lastChangedBy),
      actionsCell(user));
    return row;
  }

  function cell(label, text) {
    const td = document.createElement('td');
    td.dataset.label = label;
    td.textContent = text;
    return td;
  }

  function statusCell(user) {
    const td = cell('Status', statusText(user));
    td.classList.add('status-cell');
    if (user.drift) {
      const marker = document.createElement('span');
      marker.className = 'drift-marker';
      marker.textContent = 'Drift';
      marker.title = 'The status here differs from what the IdP last said.';
      const explained = document.createElement('span');
      explained.className = 'visually-hidden';
      explained.textContent = ': differs from the IdP';
      marker.append(explained);
      td.append(' ', marker);
    }
    return td;
  }

  function roleCell(user) {
    const td = cell('Role', '');
    const select = document.createElement('select');
    select.setAttribute('aria-label', 'Role of ' + user.userName);
    ROLES.forEach((role) => select.append(new Option(role, role, false, role === user.role)));
    const set = button('Set role', 'Set the role of ' + user.userName, () =>
      act('Could not change the role of ' + user.userName, async () => {
        await api('PUT', '/users/' + encodeURIComponent(user.id) + '/role', {role: select.value});
        announce(user.userName + ' is now ' + select.value + '.');
        await refreshAfterChange();
      }));
    td.append(select, ' ', set);
    return td;
  }

  function actionsCell(user) {
    const td = cell('Actions', '');
    const path = '/users/' + encodeURIComponent(user.id) + '/';
    const change = (verb, action, done) => button(verb, verb + ' ' + user.userName, () =>
      act('Could not ' + verb.toLowerCase() + ' ' + user.userName, async () => {
        await api('POST', path + action);
        announce(user.userName + ' was ' + done + '.');
        await refreshAfterChange();
      }));
    if (user.scimDeleted) {
      td.append(change('Restore', 'restore', 'restored'));
    } else if (user.active) {
      td.append(change('Deactivate', 'deactivate', 'deactivated'));
    } else {
      td.append(change('Reactivate', 'reactivate', 'reactivated'));
    }
    return td;
  }

  function button(text, label, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  async function refreshAfterChange() {
    await loadUsers();
    await loadActivity();
  }

  // ---- pending identities ----

  const PENDING_PAGE_SIZE = 50;

  async function loadPendingIdentities() {
    const page = await api('GET', '/pending-identities?count=' + PENDING_PAGE_SIZE);
    pendingIdentities = page.pendingIdentities;
    renderPendingIdentities();
    const total = page.totalResults;
    $('pending-summary').textContent = total === 0 ? 'Nobody is waiting for their first sign-in.'
      : (total === 1 ? '1 pending identity.' : total + ' pending identities.')
        + (total > pendingIdentities.length ? ' The first ' + pendingIdentities.length + ' are shown.' : '');
  }

  function renderPendingIdentities() {
    $('pending-body').replaceChildren(...pendingIdentities.map(pendingRow));
  }

  function pendingRow(identity) {
    const row = document.createElement('tr');
    row.dataset.userName = identity.userName;
    const sent = cell('Sent by the IdP', '');
    sent.append(timeElement(identity.assignedAt));
    row.append(
      cell('User name', identity.userName),
      cell('Email', identity.email || '—'),
      cell('IdP says', identity.active ? 'Active' : 'Deactivated: cannot sign in'),
      cell('Role at first sign-in', roleAtFirstSignIn(identity)),
      sent);
    return row;
  }

  function roleAtFirstSignIn(identity) {
    // The server keeps the role a first sign-in would give: while SCIM does not manage roles, Registered.
    if (!settings || settings.manageRoles) {
      return identity.role;
    }
    return identity.role + ' (SCIM does not manage roles here)';
  }

  // ---- activity ----

  function timeElement(iso) {
    const time = document.createElement('time');
    time.dateTime = iso;
    const date = new Date(iso);
    time.textContent = isNaN(date) ? iso : date.toLocaleString();
    return time;
  }

  function changeText(record) {
    let text = record.detail || record.action;
    if (record.before || record.after) {
      text += ' (' + (record.before || '—') + ' → ' + (record.after || '—') + ')';
    }
    return text;
  }

  function activityRow(record) {
    const row = document.createElement('tr');
    const when = cell('Time', '');
    when.append(timeElement(record.at));
    row.append(when, cell('User', record.userName), cell('Source', SOURCES[record.source] || record.source),
      cell('Change', changeText(record)));
    return row;
  }

  async function loadActivity() {
    const audit = await api('GET', '/audit?limit=20');
    const records = audit.records;
    $('activity-body').replaceChildren(...records.map(activityRow));
    if (records.length === 0) {
      const row = document.createElement('tr');
      const td = cell('Change', 'No changes yet.');
      td.colSpan = 4;
      row.append(td);
      $('activity-body').append(row);
    }
    const newest = records.length ? records[0].at + ' ' + records[0].userId + ' ' + records[0].action : '';
    const changed = newestActivity !== null && newest !== newestActivity;
    newestActivity = newest;
    return changed;
  }

  const POLL_FAILURE = 'Could not refresh the SCIM activity';

  async function pollActivity() {
    stopPolling();
    try {
      const changed = await loadActivity();
      // The server is back: take down the polling's own complaint, but never an error from the admin's action.
      if ($('alert').textContent.startsWith(POLL_FAILURE)) {
        clearError();
      }
      // Someone else changed users: refresh the table too, unless the admin is working in it right now.
      if (changed && !$('users-table').contains(document.activeElement)) {
        await loadUsers();
      }
      if (changed) {
        await loadPendingIdentities();
      }
      // Settings and tokens another admin (or another server) changed show without a reload.
      if (!$('scim-title').closest('section').contains(document.activeElement)) {
        renderSettings(await api('GET', '/settings'));
      }
      await loadTokens();
      await loadExchanges();
    } catch (e) {
      showError(POLL_FAILURE, e);
    }
    if (signedIn) {
      pollTimer = setTimeout(pollActivity, POLL_MILLIS);
    }
  }

  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = null;
  }

  // ---- start ----

  function wire() {
    $('site-name').textContent = site;
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('sso-configured').addEventListener('change', changeSetting('ssoConfigured', 'SSO configured'));
    $('scim-enabled').addEventListener('change', changeSetting('scimEnabled', 'Enable SCIM'));
    $('manage-roles').addEventListener('change', changeSetting('manageRoles', 'Allow SCIM to manage user roles'));
    wireCreationPolicy();
    $('rate-limits-form').addEventListener('submit', saveRateLimits);
    $('generate-token').addEventListener('click', askToGenerate);
    $('confirm-token-cancel').addEventListener('click', () => $('confirm-token').close('cancel'));
    $('confirm-token-ok').addEventListener('click', () => {
      $('confirm-token').close('ok');
      generateToken();
    });
    $('confirm-token').addEventListener('close', () => {
      if ($('confirm-token').returnValue !== 'ok') {
        $('generate-token').focus();
      }
    });
    $('copy-token').addEventListener('click', () => copy('token-value', 'token'));
    $('token-form').addEventListener('submit', createToken);
    $('inspector-status').addEventListener('change', () => act('Could not load the request inspector',
      loadExchanges));
    $('copy-base-url').addEventListener('click', () => copy('scim-base-url', 'SCIM base URL'));
    $('user-search').addEventListener('submit', (event) => {
      event.preventDefault();
      startIndex = 1;
      act('Could not search the users', loadUsers);
    });
    $('previous-page').addEventListener('click', () => {
      startIndex = Math.max(1, startIndex - PAGE_SIZE);
      act('Could not load the users', loadUsers);
    });
    $('next-page').addEventListener('click', () => {
      startIndex += PAGE_SIZE;
      act('Could not load the users', loadUsers);
    });
  }

  async function start() {
    wire();
    try {
      await request('GET', sessionUrl);
    } catch (e) {
      showSignIn(e instanceof ApiError && e.status === 401 ? '' : 'Could not check the sign-in: ' + e.message);
      return;
    }
    signedIn = true;
    try {
      openConsole(await api('GET', '/settings'));
    } catch (e) {
      // A 401 leads back to the sign-in form; anything else is explained and left for the admin to act on.
      showError('Could not load the settings', e);
    }
  }

  start();
}());
