/**
 * The one PCF context fake for the SyncStatus control tests: the parts of
 * ComponentFramework.Context the control uses, backed by FakeWebApi (test/harness/xrm.ts), the
 * real resx strings of the control, and deterministic date formatting. Tests change the host
 * state (width, disabled, record) with `update` and then call updateView like the platform does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { IInputs } from '../../pcf/SyncStatus/manifest-types';
import { FakeWebApi } from './xrm';

const STRINGS_DIR = path.join(__dirname, '..', '..', 'pcf', 'SyncStatus', 'strings');

/** The strings of SyncStatus.<lcid>.resx as a map. */
export function loadResx(lcid: 1033 | 1036): Map<string, string> {
  const xml = fs.readFileSync(path.join(STRINGS_DIR, `SyncStatus.${lcid}.resx`), 'utf8');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'data' }).parse(xml) as {
    root: { data: { '@name': string; value: string | number }[] };
  };
  return new Map(parsed.root.data.map((d) => [d['@name'], String(d.value)]));
}

export interface PcfHostState {
  entityTypeName?: string;
  entityId?: string;
  allocatedWidth: number;
  isControlDisabled: boolean;
  value: string | null;
}

export interface PcfContextOptions extends Partial<PcfHostState> {
  readonly webApi?: FakeWebApi;
  readonly lcid?: 1033 | 1036;
  /** Column display names served by utils.getEntityMetadata. */
  readonly columnLabels?: Record<string, string>;
}

export interface PcfContextFake {
  readonly context: ComponentFramework.Context<IInputs>;
  readonly webApi: FakeWebApi;
  readonly state: PcfHostState;
  readonly resizeTracking: boolean[];
  readonly missingStrings: string[];
  update(patch: Partial<PcfHostState>): ComponentFramework.Context<IInputs>;
}

/** Formats as "YYYY-MM-DD HH:MM" in UTC, so assertions do not depend on the machine's zone. */
export function formatUtc(d: Date, includeTime = true): string {
  const iso = d.toISOString();
  return includeTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

export function createPcfContext(options: PcfContextOptions = {}): PcfContextFake {
  const webApi = options.webApi ?? new FakeWebApi();
  const strings = loadResx(options.lcid ?? 1033);
  const missingStrings: string[] = [];
  const resizeTracking: boolean[] = [];
  const state: PcfHostState = {
    entityTypeName: options.entityTypeName,
    entityId: options.entityId,
    allocatedWidth: options.allocatedWidth ?? 600,
    isControlDisabled: options.isControlDisabled ?? false,
    value: options.value ?? null,
  };

  const build = (): ComponentFramework.Context<IInputs> => {
    const context = {
      parameters: {
        value: { raw: state.value, formatted: state.value ?? '', error: false, errorMessage: '', type: 'SingleLine.Text', attributes: {} },
      },
      mode: {
        allocatedWidth: state.allocatedWidth,
        allocatedHeight: -1,
        isControlDisabled: state.isControlDisabled,
        isVisible: true,
        label: 'Sync status',
        contextInfo: {
          ...(state.entityTypeName !== undefined ? { entityTypeName: state.entityTypeName } : {}),
          ...(state.entityId !== undefined ? { entityId: state.entityId } : {}),
        },
        setControlState: () => true,
        setFullScreen: () => undefined,
        trackContainerResize: (value: boolean) => { resizeTracking.push(value); },
      },
      resources: {
        getString: (key: string) => {
          const value = strings.get(key);
          if (value === undefined) { missingStrings.push(key); return key; }
          return value;
        },
        getResource: () => undefined,
      },
      formatting: {
        formatDateShort: (d: Date, includeTime?: boolean) => formatUtc(d, includeTime ?? false),
      },
      utils: {
        getEntityMetadata: async (_table: string, columns?: string[]) => ({
          Attributes: {
            get: (name: string) => (columns?.includes(name) && options.columnLabels?.[name] ? { DisplayName: options.columnLabels[name] } : undefined),
          },
        }),
      },
      webAPI: {
        retrieveMultipleRecords: webApi.retrieveMultipleRecords,
      },
      client: { getClient: () => 'Web', getFormFactor: () => 1, isOffline: () => false, disableScroll: false },
      updatedProperties: [] as string[],
    };
    return context as unknown as ComponentFramework.Context<IInputs>;
  };

  const fake: PcfContextFake = {
    get context() { return build(); },
    webApi,
    state,
    resizeTracking,
    missingStrings,
    update(patch) {
      Object.assign(state, patch);
      return build();
    },
  };
  return fake;
}
