import { lazy, Suspense, useEffect, useState } from 'react';
import { findExample, findManifest } from '../examples/registry';
import { parseHash, type Route } from '../state/url-state';
import { Landing } from './Landing';

// The example frame (d3, KaTeX, the worker client) loads only when an example is opened.
const ExamplePage = lazy(() => import('./ExamplePage').then((m) => ({ default: m.ExamplePage })));
const BackendCheckPage = lazy(() =>
  import('./BackendCheckPage').then((m) => ({ default: m.BackendCheckPage })),
);

/** The route, with a notice where the link's params had to be adjusted by the example's schema. */
function currentRoute(): Route {
  const route = parseHash(window.location.hash, findExample);
  if (route.page !== 'example') return route;
  const messages = findManifest(route.state.exampleId)?.parseParams(route.state.params).messages ?? [];
  if (messages.length === 0) return route;
  const adjusted = `Some settings in this link were adjusted: ${messages.join('; ')}.`;
  return { ...route, warning: route.warning ? `${route.warning} ${adjusted}` : adjusted };
}

/** Hash routing: `#/` is the landing page, `#/<example>?…` an example page whose whole state is in the hash. */
export function App() {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (route.page === 'landing') return <Landing />;
  if (route.page === 'backends')
    return (
      <Suspense fallback={<p className="loading">Loading…</p>}>
        <BackendCheckPage />
      </Suspense>
    );
  // Keyed by example so that switching examples starts a fresh page (and worker).
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <ExamplePage key={route.state.exampleId} initial={route.state} warning={route.warning} />
    </Suspense>
  );
}
