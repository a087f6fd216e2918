/*
 * App host client, part 3: the record form. Builds the Xrm form context (attributes, controls,
 * notifications, save, refresh, refreshRibbon) over the record read through Xrm.WebApi, renders
 * the columns, the SyncStatus control in its section, the command bar (Save, Refresh, the
 * solution's ribbon buttons with their enable rules) and runs the registered OnLoad handlers.
 */
/* global window, document, Xrm, history */
(function () {
  'use strict';
  var host = window.AppHost;
  var el = host.el;
  var NUMBER = { integer: 1, bigint: 1, decimal: 1, double: 1, money: 1 };
  var OPTION = { picklist: 1, state: 1, status: 1 };
  var LOOKUP = { lookup: 1, customer: 1, owner: 1 };
  var FORMATTED = '@OData.Community.Display.V1.FormattedValue';
  var LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname';

  function collection(items) {
    return {
      get: function (i) { if (i === undefined) return items.slice(); if (typeof i === 'number') return items[i] || null; return items.filter(function (x) { return x.getName() === i; })[0] || null; },
      forEach: function (f) { items.forEach(f); },
      getLength: function () { return items.length; },
      push: function (x) { items.push(x); },
    };
  }

  function readValue(col, record) {
    if (LOOKUP[col.type]) {
      var id = record['_' + col.name + '_value'];
      return id ? [{ id: '{' + String(id).toUpperCase() + '}', name: record['_' + col.name + '_value' + FORMATTED] || '', entityType: record['_' + col.name + '_value' + LOOKUP_TABLE] || Object.keys(col.targets || {})[0] }] : null;
    }
    var v = record[col.name];
    if (v === undefined) return null;
    if ((col.type === 'datetime' || col.type === 'dateonly') && v) return new Date(v);
    return v;
  }
  function payloadOf(col, value) {
    var out = {};
    if (LOOKUP[col.type]) {
      if (value && value[0]) {
        var t = col.targets[value[0].entityType];
        out[t.navigation + '@odata.bind'] = '/' + t.entitySet + '(' + host.bare(value[0].id) + ')';
      }
      return out;
    }
    if (col.type === 'dateonly' && value instanceof Date) out[col.name] = value.toISOString().slice(0, 10);
    else if (value instanceof Date) out[col.name] = value.toISOString().replace(/\.\d{3}Z$/, 'Z');
    else out[col.name] = value;
    return out;
  }
  function display(col, value) {
    if (value === null || value === undefined) return '';
    if (LOOKUP[col.type]) return value[0] ? value[0].name || value[0].id : '';
    if (value instanceof Date) return col.type === 'dateonly' ? value.toISOString().slice(0, 10) : value.toISOString().slice(0, 16).replace('T', ' ');
    return String(value);
  }

  host.renderForm = async function (root) {
    var m = host.model;
    var table = m.table;
    var attributes = [];
    var byName = {};
    var notifications = {};
    var mounted = null;
    var record = {};
    var onSaveRibbon = [];

    var notificationArea = el('div', { id: 'apphost-notifications', class: 'apphost-notifications', 'aria-live': 'polite' });
    var errorArea = el('div', { id: 'apphost-errors' });
    var commandBar = el('div', { class: 'apphost-commandbar', role: 'toolbar', 'aria-label': 'Commands' });
    var title = el('h1', { class: 'apphost-title' });
    var general = el('section', { class: 'apphost-section', 'aria-label': 'General' }, [el('h2', { text: 'General' })]);
    root.replaceChildren(commandBar, el('header', { class: 'apphost-header' }, [title, el('span', { class: 'apphost-subtitle', text: table.displayName })]), notificationArea, errorArea, general);

    function renderNotifications() {
      notificationArea.replaceChildren.apply(notificationArea, Object.keys(notifications).map(function (id) {
        var n = notifications[id];
        return el('div', { class: 'apphost-notification apphost-notification--' + n.level.toLowerCase(), 'data-notification-id': id, role: n.level === 'ERROR' ? 'alert' : 'status' }, [n.text]);
      }));
    }

    function makeControl(attribute, name, label, input, kind) {
      var disabled = false;
      var visible = true;
      var c = {
        getName: function () { return name; }, getLabel: function () { return label; }, setLabel: function (l) { label = l; },
        getAttribute: function () { return attribute; }, getControlType: function () { return kind; },
        getDisabled: function () { return disabled; },
        setDisabled: function (d) { disabled = !!d; if (input) { input.disabled = disabled; } c.onChange(); },
        getVisible: function () { return visible; }, setVisible: function (v) { visible = !!v; if (input) input.closest('.apphost-field').hidden = !visible; },
        setFocus: function () { if (input) input.focus(); },
        setNotification: function (text) { host.hostError(label + ': ' + text); return true; }, clearNotification: function () { return true; },
        onChange: function () {},
      };
      return c;
    }

    table.columns.forEach(function (col) {
      var value = null;
      var dirty = false;
      var handlers = [];
      var controls = collection([]);
      var attr = {
        getName: function () { return col.name; }, getAttributeType: function () { return col.type; },
        getValue: function () { return value; },
        setValue: function (v) { value = v; dirty = true; controls.forEach(function (c) { if (c.sync) c.sync(); }); },
        getIsDirty: function () { return dirty; },
        getRequiredLevel: function () { return col.required ? 'required' : 'none'; }, setRequiredLevel: function () {},
        getMaxLength: function () { return col.maxLength; }, getOptions: function () { return col.options || []; },
        addOnChange: function (f) { handlers.push(f); }, removeOnChange: function (f) { handlers = handlers.filter(function (h) { return h !== f; }); },
        fireOnChange: function () { handlers.forEach(function (h) { h({ getFormContext: function () { return formContext; }, getEventSource: function () { return attr; } }); }); },
        controls: controls,
        _load: function (v) { value = v; dirty = false; controls.forEach(function (c) { if (c.sync) c.sync(); }); },
        _clean: function () { dirty = false; },
        _col: col,
      };
      attributes.push(attr);
      byName[col.name] = attr;

      var id = 'field-' + col.name;
      var input;
      if (OPTION[col.type]) {
        input = el('select', { id: id, name: col.name }, [el('option', { value: '', text: '---' })].concat((col.options || []).map(function (o) { return el('option', { value: String(o.value), text: o.label }); })));
      } else if (col.type === 'memo') {
        input = el('textarea', { id: id, name: col.name, rows: '3' });
      } else if (col.type === 'boolean') {
        input = el('input', { id: id, name: col.name, type: 'checkbox' });
      } else {
        input = el('input', { id: id, name: col.name, type: NUMBER[col.type] ? 'number' : 'text' });
        if (col.maxLength && col.type === 'string') input.maxLength = col.maxLength;
      }
      if (LOOKUP[col.type] || col.readOnly) input.readOnly = true;
      input.setAttribute('data-column', col.name);
      var control = makeControl(attr, col.name, col.label, input, LOOKUP[col.type] ? 'lookup' : OPTION[col.type] ? 'optionset' : 'standard');
      control.sync = function () {
        var v = attr.getValue();
        if (col.type === 'boolean') input.checked = !!v;
        else if (OPTION[col.type]) input.value = v === null || v === undefined ? '' : String(v);
        else input.value = display(col, v);
      };
      input.addEventListener('change', function () {
        var raw = col.type === 'boolean' ? input.checked : input.value;
        var v = raw === '' ? null : OPTION[col.type] || NUMBER[col.type] ? Number(raw) : (col.type === 'datetime' || col.type === 'dateonly') ? new Date(raw) : raw;
        value = v;
        dirty = true;
        attr.fireOnChange();
      });
      controls.push(control);
      var label = el('label', { for: id, text: col.label + (col.required ? ' *' : '') });
      general.appendChild(el('div', { class: 'apphost-field', 'data-field': col.name }, [label, input]));
    });

    // The SyncStatus control: a second control of its bound column, in its own section (form-registry.ts).
    var controlSection;
    var pcfControl;
    if (m.control) {
      var bound = byName[m.control.column];
      var container = el('div', { class: 'apphost-pcf', 'data-control': m.control.files.name });
      controlSection = el('section', { class: 'apphost-section apphost-section--control', 'aria-label': m.control.section }, [el('h2', { text: m.control.section }), container]);
      root.appendChild(controlSection);
      pcfControl = makeControl(bound, m.control.column + '1', bound._col.label, null, 'customcontrol:' + m.control.files.name);
      pcfControl.onChange = function () { if (mounted) mounted.updateView(); };
      pcfControl.container = container;
      bound.controls.push(pcfControl);
    }

    var entity = {
      getId: function () { return '{' + m.id.toUpperCase() + '}'; },
      getEntityName: function () { return table.logicalName; },
      getEntitySetName: function () { return table.entitySetName; },
      getPrimaryAttributeValue: function () { return table.primaryName && byName[table.primaryName] ? byName[table.primaryName].getValue() : null; },
      getIsDirty: function () { return attributes.some(function (a) { return a.getIsDirty(); }); },
      attributes: collection(attributes),
      getDataXml: function () { return ''; },
      save: function () { return formContext.data.save(); },
    };

    async function load() {
      record = await Xrm.WebApi.retrieveRecord(table.logicalName, m.id);
      attributes.forEach(function (a) { a._load(readValue(a._col, record)); });
      var name = entity.getPrimaryAttributeValue();
      title.textContent = name || '(no name)';
      document.title = (name || table.displayName) + ' - ' + table.displayName;
    }

    var formContext = {
      data: {
        entity: entity,
        getIsDirty: function () { return entity.getIsDirty(); },
        save: async function () {
          var body = {};
          attributes.filter(function (a) { return a.getIsDirty(); }).forEach(function (a) { Object.assign(body, payloadOf(a._col, a.getValue())); });
          if (Object.keys(body).length > 0) await Xrm.WebApi.updateRecord(table.logicalName, m.id, body);
          attributes.forEach(function (a) { a._clean(); });
          await load();
          onSaveRibbon.forEach(function (f) { f(); });
        },
        refresh: async function (save) {
          if (save) await formContext.data.save();
          await load();
          if (mounted) mounted.updateView();
          await evaluateRibbon();
        },
        addOnLoad: function () {}, removeOnLoad: function () {},
      },
      ui: {
        getFormType: function () { return 2; },
        setFormNotification: function (text, level, id) { notifications[id] = { text: text, level: level }; renderNotifications(); return true; },
        clearFormNotification: function (id) { var had = !!notifications[id]; delete notifications[id]; renderNotifications(); return had; },
        refreshRibbon: function () { void evaluateRibbon(); },
        close: function () { history.back(); },
        controls: collection(attributes.map(function (a) { return a.controls.get(0); }).concat(pcfControl ? [pcfControl] : [])),
        tabs: collection([]),
      },
      getAttribute: function (name) { return name === undefined ? attributes.slice() : byName[name] || null; },
      getControl: function (name) {
        if (pcfControl && name === pcfControl.getName()) return pcfControl;
        return byName[name] ? byName[name].controls.get(0) : null;
      },
    };
    host.formContext = formContext;
    window.Xrm.Page = formContext;

    // ---- command bar: Save, Refresh and the solution's ribbon buttons ----------------------------
    function commandButton(label, id, onclick, tooltip) {
      return el('button', { type: 'button', class: 'apphost-command', 'data-command': id, title: tooltip || label, onclick: onclick }, [label]);
    }
    async function runGuarded(what, fn) {
      try { await fn(); } catch (e) {
        await Xrm.Navigation.openErrorDialog({ message: (e && e.message) || String(e), errorCode: e && e.errorCode });
        if (what) host.hostError(what + ': ' + ((e && e.message) || e));
      }
    }
    commandBar.appendChild(commandButton('Save', 'save', function () { void runGuarded(null, formContext.data.save); }));
    commandBar.appendChild(commandButton('Refresh', 'refresh', function () { void runGuarded(null, function () { return formContext.data.refresh(false); }); }));
    var ribbonButtons = m.ribbon.map(function (b) {
      var node = commandButton(b.label, b.id, function () { void runGuarded(null, function () { return host.runActions(b.actions, { PrimaryControl: formContext }); }); }, b.tooltip);
      if (b.image) node.prepend(el('img', { src: host.webResourceUrl(b.image), alt: '', width: '16', height: '16' }));
      node.disabled = true;
      commandBar.appendChild(node);
      return { def: b, node: node };
    });
    async function evaluateRibbon() {
      for (var i = 0; i < ribbonButtons.length; i++) {
        ribbonButtons[i].node.disabled = !(await host.rulesAllow(ribbonButtons[i].def.enableRules, { PrimaryControl: formContext, formType: 2 }));
      }
    }
    onSaveRibbon.push(function () { void evaluateRibbon(); });

    // ---- load: record, control, OnLoad handlers, ribbon -------------------------------------------
    m.missingLibraries.forEach(function (l) { host.hostError('Script error: the web resource ' + l + ' does not exist in this environment.'); });
    (m.problems || []).forEach(function (p) { if (!/^The web resource/.test(p)) host.hostError(p); });
    await load();
    if (m.control) {
      try {
        mounted = await host.mountControl(m.control.files, pcfControl.container, formContext, byName[m.control.column], pcfControl);
      } catch (e) { host.hostError('The control ' + m.control.files.name + ' failed: ' + e.message); }
    }
    for (var j = 0; j < m.libraries.length; j++) {
      if (m.missingLibraries.indexOf(m.libraries[j]) >= 0) continue;
      try { await host.loadScript(m.libraries[j]); } catch (e) { host.hostError(e.message); }
    }
    var executionContext = {
      getFormContext: function () { return formContext; }, getEventSource: function () { return formContext; },
      getDepth: function () { return 1; }, getEventArgs: function () { return null; },
      getContext: function () { return Xrm.Utility.getGlobalContext(); }, getSharedVariable: function () {}, setSharedVariable: function () {},
    };
    for (var k = 0; k < m.onLoad.length; k++) {
      var h = m.onLoad[k];
      if (m.missingLibraries.indexOf(h.library) >= 0) continue;
      try {
        await host.resolveFunction(h.functionName).call(window, h.passExecutionContext ? executionContext : undefined);
      } catch (e) { host.hostError('Script error in ' + h.functionName + ': ' + ((e && e.message) || e)); }
    }
    await evaluateRibbon();
    root.setAttribute('data-loaded', 'true');
  };
})();
