import { PAGE_ACTIONS } from '../ui/actions';
import { KeyList } from '../ui/Kbd';
import { examples } from '../examples/registry';
import { defaultPageState, formatHash } from '../state/url-state';

/** The front page: one card per example with what it teaches, its LL engine and its gradient path. */
export function Landing() {
  return (
    <main className="landing">
      <header className="hero">
        <h1>Imperative Learning Playground</h1>
        <p>
          Train neural networks <em>through</em> symbolic reasoning engines — A* search, splines, MPC, TSP
          solvers — live in your browser, and watch both levels of the bilevel optimisation converge.
        </p>
        <p className="formula-line">
          min<sub>ψ</sub> U(f(θ, x), g(μ*), M(γ, ν*)) &nbsp;s.t.&nbsp; φ* ∈ argmin<sub>φ</sub> L(f(θ, x),
          g(μ), M(γ, ν))
        </p>
      </header>
      <ul className="cards" aria-label="Examples">
        {examples.map(({ meta }) => (
          <li key={meta.id} className="card">
            <a href={formatHash(defaultPageState(meta))} data-testid={`card-${meta.id}`}>
              <img src={meta.preview} alt={`${meta.title} preview`} width={320} height={180} loading="lazy" />
              <h2>{meta.title}</h2>
              <p>{meta.teaches}</p>
              <dl>
                <dt>LL engine</dt>
                <dd>{meta.engine}</dd>
                <dt>Gradient path</dt>
                <dd>{meta.gradientPath}</dd>
              </dl>
            </a>
          </li>
        ))}
      </ul>
      <footer className="site-footer">
        Every example runs headless too: <code>npm run bench -- &lt;example&gt;</code>. Keyboard on every
        example page: <KeyList actions={PAGE_ACTIONS} />. Before a demo on a new machine, run the{' '}
        <a href="#/backends">backend check</a>: every example on every backend, compared with cpu.
      </footer>
    </main>
  );
}
