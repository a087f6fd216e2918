/*
 * App host client, part 1: the Xrm shim over the emulator's Web API (same origin; the session
 * cookie authenticates). Xrm.WebApi (retrieveRecord, retrieveMultipleRecords, createRecord,
 * updateRecord, online.execute), Xrm.Navigation dialogs as real DOM dialogs, Xrm.Utility progress
 * indicator and global context. Plain DOM, no framework; everything hangs off window.AppHost.
 */
/* global window, document, fetch, location */
(function () {
  'use strict';
  var API = '/api/data/v9.2/';
  var model = JSON.parse(document.getElementById('apphost-model').textContent);
  var host = (window.AppHost = { model: model, scripts: {} });

  function entitySet(table) {
    var set = model.entitySets[table];
    if (!set) throw { errorCode: -2147217150, message: "Entity '" + table + "' was not found in the MetadataCache." };
    return set;
  }
  function bare(id) { return String(id).replace(/[{}]/g, '').toLowerCase(); }
  host.bare = bare;

  /** A Web API failure as Xrm.WebApi reports it: { errorCode, message, code, status }. */
  async function failure(res) {
    var text = await res.text();
    var error = {};
    try { error = JSON.parse(text).error || {}; } catch { error = { message: text }; }
    var code = typeof error.code === 'string' && /^0x[0-9a-f]{8}$/i.test(error.code) ? parseInt(error.code, 16) | 0 : undefined;
    return { errorCode: code, code: error.code, message: error.message || res.status + ' ' + res.statusText, status: res.status, raw: text };
  }
  async function call(method, path, body, headers) {
    var h = Object.assign({ Accept: 'application/json', 'OData-Version': '4.0', 'OData-MaxVersion': '4.0' }, headers || {});
    if (body !== undefined) h['Content-Type'] = 'application/json; charset=utf-8';
    var res;
    try {
      res = await fetch(API + path, { method: method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      throw { errorCode: 0, status: 0, message: 'Network error: ' + e.message };
    }
    if (!res.ok) throw await failure(res);
    return res;
  }
  var ANNOTATIONS = { Prefer: 'odata.include-annotations="*"' };
  function query(options) { return !options ? '' : options.charAt(0) === '?' ? options : '?' + options; }
  function idFromHeader(res) {
    var m = /\(([0-9a-f-]{36})\)/i.exec(res.headers.get('OData-EntityId') || '');
    return m ? m[1] : undefined;
  }

  var webApi = {
    retrieveRecord: async function (table, id, options) {
      return (await call('GET', entitySet(table) + '(' + bare(id) + ')' + query(options), undefined, ANNOTATIONS)).json();
    },
    retrieveMultipleRecords: async function (table, options, maxPageSize) {
      var prefer = 'odata.include-annotations="*"' + (maxPageSize ? ',odata.maxpagesize=' + maxPageSize : '');
      var json = await (await call('GET', entitySet(table) + query(options), undefined, { Prefer: prefer })).json();
      return { entities: json.value, nextLink: json['@odata.nextLink'] };
    },
    createRecord: async function (table, data) {
      var res = await call('POST', entitySet(table), data);
      return { entityType: table, id: idFromHeader(res) };
    },
    updateRecord: async function (table, id, data) {
      await call('PATCH', entitySet(table) + '(' + bare(id) + ')', data, { 'If-Match': '*' });
      return { entityType: table, id: bare(id) };
    },
    deleteRecord: async function (table, id) {
      await call('DELETE', entitySet(table) + '(' + bare(id) + ')');
      return { entityType: table, id: bare(id) };
    },
    online: {
      /** Unbound actions described by getMetadata() (operationType 0, boundParameter null). */
      execute: async function (request) {
        var md = request.getMetadata();
        if (md.operationType !== 0 || md.boundParameter) {
          throw { message: 'The app host runs unbound actions only (operationType 0); ' + md.operationName + ' is not one.' };
        }
        var body = {};
        Object.keys(md.parameterTypes || {}).forEach(function (name) { if (request[name] !== undefined) body[name] = request[name]; });
        return call('POST', md.operationName, body);
      },
    },
  };

  // ---- dialogs (Xrm.Navigation) and progress (Xrm.Utility) -------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k.indexOf('on') === 0) e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  host.el = el;

  function dialog(kind, title, lines, buttons) {
    return new Promise(function (resolve) {
      var previous = document.activeElement;
      var titleId = 'apphost-dialog-title-' + Math.random().toString(36).slice(2, 8);
      var close = function (value) { overlay.remove(); if (previous && previous.focus) previous.focus(); resolve(value); };
      var box = el('div', { class: 'apphost-dialog apphost-dialog--' + kind, role: kind === 'error' ? 'alertdialog' : 'dialog', 'aria-modal': 'true', 'aria-labelledby': titleId }, [
        el('h2', { id: titleId, text: title }),
      ].concat(lines.filter(Boolean).map(function (l) { return el('p', { class: l.cls || '', text: l.text }); }), [
        el('div', { class: 'apphost-dialog__buttons' }, buttons.map(function (b) {
          return el('button', { type: 'button', class: b.primary ? 'primary' : '', 'data-dialog-button': b.id, onclick: function () { close(b.value); } }, [b.label]);
        })),
      ]));
      var overlay = el('div', { class: 'apphost-overlay' }, [box]);
      overlay.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') close(buttons[buttons.length - 1].value); });
      document.body.appendChild(overlay);
      box.querySelector('button').focus();
    });
  }

  var progress = null;
  var navigation = {
    openAlertDialog: function (o) {
      return dialog('alert', o.title || 'Alert', [{ text: o.text }], [{ id: 'ok', label: o.confirmButtonLabel || 'OK', primary: true, value: undefined }]);
    },
    openConfirmDialog: function (o) {
      return dialog('confirm', o.title || 'Confirm', [{ text: o.subtitle }, { text: o.text }], [
        { id: 'confirm', label: o.confirmButtonLabel || 'OK', primary: true, value: { confirmed: true } },
        { id: 'cancel', label: o.cancelButtonLabel || 'Cancel', value: { confirmed: false } },
      ]);
    },
    openErrorDialog: function (o) {
      return dialog('error', 'Error', [
        { text: o.message },
        o.errorCode !== undefined ? { cls: 'apphost-dialog__code', text: 'Error code: 0x' + (o.errorCode >>> 0).toString(16) } : null,
        o.details ? { cls: 'apphost-dialog__details', text: o.details } : null,
      ], [{ id: 'ok', label: 'OK', primary: true, value: undefined }]);
    },
    openUrl: function (url) { window.open(url, '_blank', 'noopener'); },
  };
  var globalContext = {
    userSettings: { languageId: 1033, userName: 'Sandbox user', userId: '' },
    organizationSettings: { languageId: 1033, uniqueName: 'sandbox' },
    getClientUrl: function () { return location.origin; },
    getVersion: function () { return '9.2.0.0'; },
  };
  var utility = {
    getGlobalContext: function () { return globalContext; },
    showProgressIndicator: function (text) {
      if (progress) progress.remove();
      progress = el('div', { class: 'apphost-overlay apphost-progress', role: 'progressbar', 'aria-label': text }, [el('div', { class: 'apphost-progress__box' }, [el('span', { class: 'apphost-spinner' }), text])]);
      document.body.appendChild(progress);
    },
    closeProgressIndicator: function () { if (progress) { progress.remove(); progress = null; } },
  };

  window.Xrm = { WebApi: webApi, Navigation: navigation, Utility: utility, Page: null };
  window.GetGlobalContext = utility.getGlobalContext;

  // ---- loading web resources (libraries named by the solution) ---------------------------------
  host.webResourceUrl = function (name) { return '/WebResources/' + name.replace(/^\$webresource:/, ''); };
  host.loadScript = function (name) {
    var url = host.webResourceUrl(name);
    if (!host.scripts[url]) {
      host.scripts[url] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = url;
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error('The web resource ' + name + ' could not be loaded (' + url + ').')); };
        document.head.appendChild(s);
      });
    }
    return host.scripts[url];
  };
  host.resolveFunction = function (dotted) {
    var f = dotted.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, window);
    if (typeof f !== 'function') throw new Error('The function ' + dotted + ' is not defined by its library.');
    return f;
  };
  host.hostError = function (message) {
    var bar = document.getElementById('apphost-errors');
    if (bar) bar.appendChild(el('div', { class: 'apphost-hosterror', role: 'alert', text: message }));
    if (window.console) console.error('app host: ' + message);
  };
})();
