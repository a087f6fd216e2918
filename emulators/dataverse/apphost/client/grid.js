/*
 * App host client, part 4: the home grid. Lists the table's records through Xrm.WebApi, with
 * selection checkboxes, links to the forms and the solution's home-grid ribbon buttons, whose
 * SelectionCountRule follows the selection. The grid control passed as SelectedControl offers
 * getEntityName, refresh and getGrid().getSelectedRows().
 */
/* global window, document, Xrm */
(function () {
  'use strict';
  var host = window.AppHost;
  var el = host.el;
  var FORMATTED = '@OData.Community.Display.V1.FormattedValue';

  host.renderGrid = async function (root) {
    var m = host.model;
    var table = m.table;
    var cols = m.columns.map(function (name) { return table.columns.filter(function (c) { return c.name === name; })[0]; });
    var rows = [];
    var selected = {};
    var commandBar = el('div', { class: 'apphost-commandbar', role: 'toolbar', 'aria-label': 'Commands' });
    var errorArea = el('div', { id: 'apphost-errors' });
    var body = el('tbody');
    var selectAll = el('input', { type: 'checkbox', 'aria-label': 'Select all', 'data-select': 'all' });
    var grid = el('table', { class: 'apphost-grid', 'aria-label': table.displayName }, [
      el('thead', {}, [el('tr', {}, [el('th', {}, [selectAll])].concat(cols.map(function (c) { return el('th', { scope: 'col', text: c.label }); })))]),
      body,
    ]);
    root.replaceChildren(commandBar, el('header', { class: 'apphost-header' }, [el('h1', { class: 'apphost-title', text: 'Active ' + table.displayName + ' records' })]), errorArea, grid);
    document.title = table.displayName + ' - list';

    function cellText(c, r) {
      var key = c.targets ? '_' + c.name + '_value' : c.name;
      var f = r[key + FORMATTED];
      return f !== undefined ? f : r[key] === null || r[key] === undefined ? '' : String(r[key]);
    }
    function selectedIds() { return Object.keys(selected).filter(function (id) { return selected[id]; }); }

    var gridControl = {
      getEntityName: function () { return table.logicalName; },
      getName: function () { return 'grid'; },
      refresh: function () { void load(); },
      getGrid: function () {
        return {
          getSelectedRows: function () {
            var items = selectedIds().map(function (id) { return { getData: function () { return { getEntity: function () { return { getId: function () { return '{' + id.toUpperCase() + '}'; }, getEntityName: function () { return table.logicalName; } }; } }; } }; });
            return { get: function (i) { return i === undefined ? items : items[i]; }, getLength: function () { return items.length; }, forEach: function (f) { items.forEach(f); } };
          },
          getTotalRecordCount: function () { return rows.length; },
        };
      },
    };

    var buttons = m.ribbon.map(function (b) {
      var node = el('button', { type: 'button', class: 'apphost-command', 'data-command': b.id, title: b.tooltip || b.label, onclick: function () {
        var ids = selectedIds().map(function (id) { return '{' + id.toUpperCase() + '}'; });
        void host.runActions(b.actions, { SelectedControlSelectedItemIds: ids, SelectedControl: gridControl, SelectedControlSelectedItemCount: ids.length, SelectedEntityTypeName: table.logicalName })
          .catch(function (e) { return Xrm.Navigation.openErrorDialog({ message: e.message }); });
      } }, [b.label]);
      if (b.image) node.prepend(el('img', { src: host.webResourceUrl(b.image), alt: '', width: '16', height: '16' }));
      node.disabled = true;
      commandBar.appendChild(node);
      return { def: b, node: node };
    });
    async function evaluate() {
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].node.disabled = !(await host.rulesAllow(buttons[i].def.enableRules, { SelectedControl: gridControl, selectedCount: selectedIds().length }));
      }
    }
    selectAll.addEventListener('change', function () {
      rows.forEach(function (r) { selected[r[table.primaryId]] = selectAll.checked; });
      body.querySelectorAll('input[data-select]').forEach(function (b) { b.checked = selectAll.checked; });
      void evaluate();
    });

    async function load() {
      var select = [table.primaryId].concat(cols.map(function (c) { return c.targets ? '_' + c.name + '_value' : c.name; }));
      var order = table.primaryName ? '&$orderby=' + table.primaryName : '';
      rows = (await Xrm.WebApi.retrieveMultipleRecords(table.logicalName, '?$select=' + select.join(',') + order, 250)).entities;
      selected = {};
      selectAll.checked = false;
      body.replaceChildren.apply(body, rows.map(function (r) {
        var id = r[table.primaryId];
        var box = el('input', { type: 'checkbox', 'data-select': id, 'aria-label': 'Select ' + cellText(cols[0], r) });
        box.addEventListener('change', function () { selected[id] = box.checked; void evaluate(); });
        return el('tr', { 'data-id': id }, [el('td', {}, [box])].concat(cols.map(function (c, i) {
          var text = cellText(c, r);
          return el('td', {}, [i === 0 ? el('a', { href: '/main.aspx?pagetype=entityrecord&etn=' + table.logicalName + '&id=' + id, text: text || '(no name)' }) : text]);
        })));
      }));
      await evaluate();
    }
    m.missingLibraries.forEach(function (l) { host.hostError('Script error: the web resource ' + l + ' does not exist in this environment.'); });
    await load();
    root.setAttribute('data-loaded', 'true');
  };
})();
