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
      try {
        const comparison = await verifyBackend({
          factory,
          settings,
          params,
          candidate: choice.name,
          reference: this.reference,
          use: this.deps.use,
        });
        if (comparison && !comparison.agree)
          reason = `self-check on ${exampleId} failed: ${comparison.summary}; not used`;
      } catch (e) {
        reason = `self-check on ${exampleId} failed: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (reason === null) {
        this.verified.add(key);
        return;
      }
      await this.fallBack(choice, reason);
    }
  }

  private async fallBack(rejected: BackendChoice, reason: string): Promise<void> {
    this.rejected.add(rejected.name);
    const order = BACKEND_ORDER.filter((name) => !this.rejected.has(name));
    const next = await this.deps.choose('auto', order);
    const fallbacks = [...rejected.fallbacks, { name: rejected.name, reason }];
    for (const f of next.fallbacks) if (!fallbacks.some((g) => g.name === f.name)) fallbacks.push(f);
    this.choice = { name: next.name, requested: rejected.requested, fallbacks };
    this.deps.announce(this.choice);
  }
}
