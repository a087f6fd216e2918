/**
 * SyncStatus PCF control: a thin adapter between the PCF host and the pure view code.
 * init/updateView translate the context into SyncStatusController calls and render deriveView's output.
 */
import type { IInputs, IOutputs } from './manifest-types';
import { SYNC_REQUESTED_EVENT } from '../../webresources/shared/names';
import { normalizeId } from '../../webresources/shared/sync-status';
import { SyncStatusController } from './view/controller';
import { deriveView } from './view/derive-view';
import { contextInfo, pcfPorts } from './view/pcf-ports';
import type { StringKey } from './view/strings';
import { createShell, renderView } from './dom/render';

export class SyncStatus implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private context!: ComponentFramework.Context<IInputs>;
  private shell!: ReturnType<typeof createShell>;
  private controller!: SyncStatusController;
  private win!: Window;
  private readonly idBase = `psafo-sync-${Math.random().toString(36).slice(2, 10)}`;
  private readonly onSyncRequested = (event: Event): void => {
    const detail = (event as CustomEvent<{ entityLogicalName?: string; recordIds?: string[] }>).detail;
    const info = contextInfo(this.context);
    if (detail?.entityLogicalName !== info.entityTypeName) return;
    if (!info.entityId || !(detail.recordIds ?? []).map(normalizeId).includes(normalizeId(info.entityId))) return;
    void this.controller.refresh();
  };

  public init(context: ComponentFramework.Context<IInputs>, _notifyOutputChanged: () => void, _state: ComponentFramework.Dictionary, container: HTMLDivElement): void {
    this.context = context;
    this.win = container.ownerDocument.defaultView ?? window;
    context.mode.trackContainerResize(true);
    this.shell = createShell(container);
    this.controller = new SyncStatusController(pcfPorts(() => this.context, this.win), () => this.render());
    this.win.addEventListener(SYNC_REQUESTED_EVENT, this.onSyncRequested);
    this.updateView(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
    const info = contextInfo(context);
    this.controller.setRecord(info.entityTypeName ?? '', info.entityId ? normalizeId(info.entityId) : null);
    this.render();
  }

  private render(): void {
    const info = contextInfo(this.context);
    const state = this.controller.snapshot();
    const view = deriveView({
      table: info.entityTypeName ?? '',
      recordId: info.entityId ? info.entityId : null,
      load: state.load, rules: state.rules, refreshSeconds: state.refreshSeconds, expanded: state.expanded,
      width: this.context.mode.allocatedWidth, busy: state.busy, columnLabels: state.columnLabels,
    }, (key: StringKey) => this.context.resources.getString(key), {
      dateTime: (d) => this.context.formatting.formatDateShort(d, true),
    });
    renderView(this.shell, view, {
      onRefresh: () => { if (!this.controller.snapshot().busy) void this.controller.refresh(); },
      onToggleDetails: () => this.controller.toggleDetails(),
    }, this.idBase);
  }

  /** The control never changes the bound column. */
  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    this.controller.dispose();
    this.win.removeEventListener(SYNC_REQUESTED_EVENT, this.onSyncRequested);
    this.shell.root.remove();
  }
}
