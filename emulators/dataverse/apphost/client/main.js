/*
 * App host client, part 5: ribbon evaluation shared by forms and grids (enable rules, actions with
 * their CrmParameters), the web resource page (an iframe whose parent provides Xrm) and start-up.
 */
/* global window, document */
(function () {
  'use strict';
  var host = window.AppHost;
  var FORM_STATES = { Create: 1, Existing: 2, ReadOnly: 3, Disabled: 4, BulkEdit: 6 };

  function argumentsFor(parameters, context) {
    return parameters.map(function (p) {
      if (p.kind === 'crm') {
        if (!(p.value in context)) throw new Error('The app host does not provide the CrmParameter ' + p.value + ' here.');
        return context[p.value];
      }
      if (p.kind === 'bool') return p.value === 'true';
      if (p.kind === 'int' || p.kind === 'decimal') return Number(p.value);
      return p.value;
    });
  }

  /** True when every enable rule allows the command (unsupported rules do not block it). */
  host.rulesAllow = async function (rules, context) {
    for (var i = 0; i < rules.length; i++) {
      var r = rules[i];
      var ok = true;
      if (r.kind === 'formState') {
        ok = FORM_STATES[r.state] === context.formType;
        if (r.invert) ok = !ok;
      } else if (r.kind === 'selectionCount') {
        var n = context.selectedCount || 0;
        ok = (r.minimum === undefined || n >= r.minimum) && (r.maximum === undefined || n <= r.maximum);
      } else if (r.kind === 'custom') {
        try {
          await host.loadScript(r.library);
          ok = !!(await host.resolveFunction(r.functionName).apply(window, argumentsFor(r.parameters, context)));
        } catch (e) {
          host.hostError('Enable rule ' + r.functionName + ' failed: ' + e.message);
          ok = r.default;
        }
        if (r.invert) ok = !ok;
      }
      if (!ok) return false;
    }
    return true;
  };

  /** Runs a command's JavaScriptFunction actions in order, each after its library loaded. */
  host.runActions = async function (actions, context) {
    for (var i = 0; i < actions.length; i++) {
      var a = actions[i];
      await host.loadScript(a.library);
      await host.resolveFunction(a.functionName).apply(window, argumentsFor(a.parameters, context));
    }
  };

  function renderWebResource(root) {
    var name = host.model.name;
    var frame = host.el('iframe', { id: 'WebResource_' + name.replace(/\W/g, '_'), class: 'apphost-webresource', title: name, src: '/WebResources/' + name });
    root.replaceChildren(frame);
    document.title = name;
    root.setAttribute('data-loaded', 'true');
  }

  async function start() {
    var root = document.getElementById('apphost');
    try {
      if (host.model.page === 'form') await host.renderForm(root);
      else if (host.model.page === 'grid') await host.renderGrid(root);
      else renderWebResource(root);
    } catch (e) {
      var message = (e && e.message) || String(e);
      root.appendChild(host.el('div', { class: 'apphost-hosterror', role: 'alert', text: 'The page could not be loaded: ' + message }));
    } finally {
      root.setAttribute('aria-busy', 'false');
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else void start();
})();
