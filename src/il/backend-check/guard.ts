import { BACKEND_ORDER, type BackendChoice, type BackendName } from '../backend-names';
import type { ExampleParams, ProblemFactory, TrainingSettings } from '../problem';
import { verifyBackend } from './verify';

export interface BackendGuardDeps {
  /** Picks the first backend that starts, from `order` (default webgpu → webgl → wasm → cpu). */
  choose: (requested: BackendName | 'auto', order?: readonly BackendName[]) => Promise<BackendChoice>;
  /** Makes one backend current; false where it cannot start. */
  use: (name: BackendName) => Promise<boolean>;
  /** Tells the page which backend trains now, and why the others were passed over. */
  announce: (choice: BackendChoice) => void;
  /** A line for the page while the check runs. */
  progress: (message: string) => void;
  /** Backends checked before they train (default: the GPU ones, webgpu and webgl). */
  checked?: ReadonlySet<BackendName>;
  /** The trusted backend computed on the CPU (default wasm). */
  reference?: BackendName;
}

/** "auto" drops a backend that takes more than this many times the reference's time per step. */
const SLOWER = 1.25;

const formatMs = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/**
 * The training worker's backend: chosen once, then checked per example before it trains. A backend whose first
 * hypergradient on the example's own model differs from the reference's is not used; the next one is, and the
 * badge is told why.
 */
export class BackendGuard {
  private choice: BackendChoice | null = null;
  private readonly rejected = new Set<BackendName>();
  private readonly verified = new Set<string>();
  private readonly checked: ReadonlySet<BackendName>;
  private readonly reference: BackendName;

  constructor(private readonly deps: BackendGuardDeps) {
    this.checked = deps.checked ?? new Set<BackendName>(['webgpu', 'webgl']);
    this.reference = deps.reference ?? 'wasm';
  }

  get current(): BackendChoice | null {
    return this.choice;
  }

  async init(requested: BackendName | 'auto'): Promise<void> {
    this.choice = await this.deps.choose(requested);
    this.deps.announce(this.choice);
  }

  /** Makes sure the current backend computes this example like the reference, falling back until one does. */
  async ensureFor(
    exampleId: string,
    factory: ProblemFactory,
    settings: TrainingSettings,
    params: ExampleParams,
  ): Promise<void> {
    for (;;) {
      const choice = this.choice;
      if (!choice || !this.checked.has(choice.name)) return;
      const key = `${choice.name}/${exampleId}`;
      if (this.verified.has(key)) return;
      this.deps.progress(
        `Checking that ${choice.name} computes this example's gradients as ${this.reference} does…`,
      );
      let reason: string | null = null;
      let slower = false;
      try {
        const verdict = await verifyBackend({
          factory,
          settings,
          params,
          candidate: choice.name,
          reference: this.reference,
          use: this.deps.use,
        });
        if (verdict && !verdict.comparison.agree)
          reason = `self-check on ${exampleId} failed: ${verdict.comparison.summary}; not used`;
        else if (
          verdict &&
          choice.requested === 'auto' &&
          verdict.msCandidate > SLOWER * verdict.msReference
        ) {
          // "auto" takes the fastest: a software GPU adapter (no driver) is often many times slower than wasm.
          slower = true;
          reason =
            `${(verdict.msCandidate / verdict.msReference).toFixed(1)}× slower than ${this.reference} on ${exampleId} ` +
            `(${formatMs(verdict.msCandidate)} vs ${formatMs(verdict.msReference)} per step)` +
            (choice.note ? `: ${choice.note}` : '');
        }
      } catch (e) {
        reason = `self-check on ${exampleId} failed: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (reason === null) {
        this.verified.add(key);
        return;
      }
      await this.fallBack(choice, reason, slower ? this.reference : undefined);
    }
  }

  /** Drops a backend; the next one in order takes over, or `to` directly (the measured faster reference). */
  private async fallBack(rejected: BackendChoice, reason: string, to?: BackendName): Promise<void> {
    this.rejected.add(rejected.name);
    const order = to ? [to] : BACKEND_ORDER.filter((name) => !this.rejected.has(name));
    const next = await this.deps.choose('auto', order);
    const fallbacks = [...rejected.fallbacks, { name: rejected.name, reason }];
    for (const f of next.fallbacks) if (!fallbacks.some((g) => g.name === f.name)) fallbacks.push(f);
    this.choice = { name: next.name, requested: rejected.requested, fallbacks };
    this.deps.announce(this.choice);
  }
}
