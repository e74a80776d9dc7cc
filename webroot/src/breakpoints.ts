// Breakpoint state of the debugger, kept apart from React: which nodes carry one, what a run is sent, and when a
// step-by-step run pauses (before a breakpoint node, before every node after Step, before the next one on Pause).

interface Flagged { id: string; data: { breakpoint?: boolean } }

/** The nodes with {@code id}'s breakpoint switched (the others untouched, the same objects). */
export function toggled<T extends Flagged>(nodes: T[], id: string): T[] {
  return nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, breakpoint: !n.data.breakpoint } } : n));
}

/** The step ids a whole run pauses before: every breakpoint, and the node of "Run to here". */
export function runBreakpoints(nodes: Flagged[], runTo?: string): string[] {
  return nodes.filter((n) => n.data.breakpoint || n.id === runTo).map((n) => n.id);
}

/** When a step-by-step run pauses: before a breakpoint, after Step before every node, or once when Pause asked. */
export class StepPauses {
  private stepping = false;

  constructor(private readonly breakpoints: Set<string>) {}

  /** Whether to pause before {@code id}; {@code requested} (Pause) is read only when nothing else decides. */
  before(id: string, requested: () => boolean = () => false): boolean {
    return this.stepping || this.breakpoints.has(id) || requested();
  }

  /** How the user went on: Step pauses before the next node, Continue runs to the next breakpoint. */
  answered(mode: 'step' | 'continue'): void {
    this.stepping = mode === 'step';
  }
}
