// Where a group container's steps go on the canvas, how big the container is, and where a dragged node lands: pure
// geometry for App.tsx (tested with vitest). The container is the node calling the group; its steps are drawn inside
// it from the group's definition, one under the other, with the heights React Flow measured (STEP_H until then).
import { StepDef, stepId } from './graph';

export const GROUP_W = 256;
export const STEP_H = 64;
const PAD = 18;
const HEADER = 78;
const GAP = 14;

/** A step drawn inside a container: which call, which group, which of its steps. */
export interface ChildRef { call: string; group: string; index: number; inner: string }
export interface Size { width: number; height: number }
export interface Box { x: number; y: number; width: number; height: number }

/** The canvas ids of a call's steps: `<call>/<step id>` (a repeated id gets its position too). */
export function childIds(call: string, steps: StepDef[]): string[] {
  const seen = new Set<string>();
  return steps.map((s, i) => {
    let id = `${call}/${stepId(s)}`;
    if (seen.has(id)) id = `${id}#${i + 1}`;
    seen.add(id);
    return id;
  });
}

/** A container's size and its steps' places (relative to it). */
export function containerBox(call: string, steps: StepDef[], sizes: Record<string, Size | undefined>):
  { width: number; height: number; children: { id: string; x: number; y: number }[] } {
  let y = HEADER;
  const children = childIds(call, steps).map((id) => {
    const at = { id, x: PAD, y };
    y += (sizes[id]?.height ?? STEP_H) + GAP;
    return at;
  });
  return { width: GROUP_W, height: Math.max(y - GAP + PAD, HEADER + 24), children };
}

/** The container height a group of {@code count} steps starts with (before anything is measured). */
export const groupHeight = (count: number): number => containerBox('', Array(count).fill({ step: '' }), {}).height;

/** Whether the point lies inside the box. */
export const inside = (b: Box, p: { x: number; y: number }): boolean =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/** The place among a container's steps (their tops, relative) that a node whose middle is at {@code y} takes. */
export function dropIndex(tops: number[], heights: number[], y: number): number {
  const i = tops.findIndex((t, k) => y < t + heights[k] / 2);
  return i < 0 ? tops.length : i;
}

/**
 * The validation problems of steps inside groups, by `<group>#<index>` (their paths read `groups.<name>.steps[i]...`),
 * and the others by step id: a step in a group is never marked for a top-level step of the same id.
 */
export function problemsByPlace(problems: { step?: string; path?: string; message: string }[]):
  { inner: Record<string, string>; top: Map<string, string> } {
  const inner: Record<string, string> = {};
  const top = new Map<string, string>();
  for (const p of problems) {
    const m = /^groups\.(.+?)\.steps\[(\d+)\]/.exec(p.path ?? '');
    if (m) inner[`${m[1]}#${m[2]}`] ??= p.message;
    else if (p.step && !top.has(p.step)) top.set(p.step, p.message);
  }
  return { inner, top };
}
