/*
 * App host client, part 2: the PCF host. Loads the control exactly as ImportSolution stored it
 * (bundle, css and resx web resources named by its manifest), lets the bundle register itself
 * through ComponentFramework.registerControl, and drives init / updateView / destroy with a
 * context over the same Web API as Xrm.WebApi.
 */
/* global window, document, fetch, DOMParser, Xrm, setTimeout, clearTimeout */
(function () {
  'use strict';
  var host = window.AppHost;
  var registered = {};
  window.ComponentFramework = { registerControl: function (name, ctor) { registered[name] = ctor; } };

  async function loadResx(url) {
    var strings = {};
    if (!url) return strings;
    var res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return strings;
    var doc = new DOMParser().parseFromString(await res.text(), 'application/xml');
    Array.prototype.forEach.call(doc.getElementsByTagName('data'), function (d) {
      var v = d.getElementsByTagName('value')[0];
      strings[d.getAttribute('name')] = v ? v.textContent : '';
    });
    return strings;
  }
  function loadBundle(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('The control bundle ' + url + ' could not be loaded.')); };
      document.head.appendChild(s);
    });
  }

  /**
   * Mounts the control bound to `attribute` (the form's attribute object) in `container`.
   * Returns { updateView(), destroy() } for the form to call on refresh and on control changes.
   */
  host.mountControl = async function (files, container, formContext, attribute, control) {
    files.css.forEach(function (href) { document.head.appendChild(host.el('link', { rel: 'stylesheet', href: href })); });
    var lcid = String(Xrm.Utility.getGlobalContext().userSettings.languageId);
    var strings = await loadResx(files.resx[lcid] || files.resx['1033']);
    await loadBundle(files.bundle);
    var shortName = files.name.replace(/^[a-z0-9]+_/i, '');
    var Ctor = registered[shortName] || registered[files.name] || registered[Object.keys(registered)[0]];
    if (!Ctor) throw new Error('The bundle of ' + files.name + ' did not register a control.');
    var entity = formContext.data.entity;
    var labels = host.model.labels || {};
    function context() {
      return {
        parameters: { value: { raw: attribute.getValue(), formatted: attribute.getValue() || '', attributes: { LogicalName: attribute.getName() } } },
        mode: {
          contextInfo: { entityTypeName: entity.getEntityName(), entityId: host.bare(entity.getId()), entityRecordName: entity.getPrimaryAttributeValue() },
          isControlDisabled: control.getDisabled(), isVisible: true, label: control.getLabel(),
          allocatedWidth: container.clientWidth || -1, allocatedHeight: -1,
          trackContainerResize: function () {}, setControlState: function () { return true; }, setFullScreen: function () {},
        },
        resources: { getString: function (key) { return Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key; }, getResource: function () {} },
        formatting: {
          formatDateShort: function (d, withTime) {
            return new Intl.DateTimeFormat('en-US', withTime ? { dateStyle: 'short', timeStyle: 'short' } : { dateStyle: 'short' }).format(d);
          },
        },
        utils: {
          getEntityMetadata: async function (table) {
            var t = labels[table] || {};
            return { LogicalName: table, Attributes: { get: function (name) { return t[name] ? { LogicalName: name, DisplayName: t[name] } : undefined; } } };
          },
          lookupObjects: async function () { return []; },
        },
        webAPI: {
          retrieveMultipleRecords: Xrm.WebApi.retrieveMultipleRecords,
          retrieveRecord: Xrm.WebApi.retrieveRecord,
          createRecord: Xrm.WebApi.createRecord,
          updateRecord: Xrm.WebApi.updateRecord,
          deleteRecord: Xrm.WebApi.deleteRecord,
        },
        navigation: Xrm.Navigation,
        userSettings: Xrm.Utility.getGlobalContext().userSettings,
        client: { getClient: function () { return 'Web'; }, getFormFactor: function () { return 1; }, isOffline: function () { return false; } },
      };
    }
    var instance = new Ctor();
    instance.init(context(), function notifyOutputChanged() {
      var out = instance.getOutputs ? instance.getOutputs() : {};
      if (out && out.value !== undefined) attribute.setValue(out.value);
    }, {}, container);
    var resizeTimer;
    window.addEventListener('resize', function () { clearTimeout(resizeTimer); resizeTimer = setTimeout(function () { instance.updateView(context()); }, 100); });
    return {
      updateView: function () { instance.updateView(context()); },
      destroy: function () { if (instance.destroy) instance.destroy(); },
    };
  };
})();
