/**
 * Geometry of the run chart (pure): one group per run, oldest on the left, a bar for upserts and
 * a bar for errors, on a shared linear scale with "nice" ticks. The renderer only draws it.
 */
import type { RunRecord } from './runs';

export interface ChartBox { readonly width: number; readonly height: number; readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }
export const DEFAULT_BOX: ChartBox = { width: 640, height: 180, left: 40, right: 8, top: 8, bottom: 20 };

export interface Bar { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly value: number }
export interface RunBars { readonly runId: string; readonly upserts: Bar; readonly errors: Bar; readonly title: string }
export interface Tick { readonly value: number; readonly y: number }
export interface ChartGeometry { readonly box: ChartBox; readonly max: number; readonly ticks: readonly Tick[]; readonly groups: readonly RunBars[]; readonly baseline: number }

/** Smallest 1/2/5 × 10^n that is ≥ value (1 for 0). */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

export function chartGeometry(runs: readonly RunRecord[], box: ChartBox = DEFAULT_BOX): ChartGeometry {
  const ordered = [...runs].reverse(); // runs arrive newest first
  const max = niceMax(Math.max(0, ...ordered.map((r) => Math.max(r.upserts, r.errors))));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const baseline = box.top + plotH;
  const slot = ordered.length > 0 ? plotW / ordered.length : plotW;
  const barW = Math.max(1, Math.min(24, (slot * 0.8) / 2));
  const scale = (v: number) => (v / max) * plotH;
  const bar = (x: number, value: number): Bar => {
    const h = scale(value);
    return { x: round(x), y: round(baseline - h), width: round(barW), height: round(h), value };
  };
  const groups = ordered.map((r, i) => {
    const center = box.left + slot * i + slot / 2;
    return { runId: r.runId, upserts: bar(center - barW, r.upserts), errors: bar(center, r.errors), title: `${r.runId}: ${r.upserts} upserts, ${r.errors} errors` };
  });
  const ticks = [0, 0.5, 1].map((f) => ({ value: max * f, y: round(baseline - plotH * f) }));
  return { box, max, ticks, groups, baseline: round(baseline) };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
