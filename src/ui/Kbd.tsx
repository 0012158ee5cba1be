import type { KeyAction } from './actions';

/** The key of an action, as the registry displays it. */
export function Kbd({ action }: { action: KeyAction }) {
  return <kbd>{action.ctrl ? `Ctrl+${action.display}` : action.display}</kbd>;
}

/** The list of an action set's keys and labels (the landing page's key list, a panel's help line). */
export function KeyList({ actions }: { actions: Readonly<Record<string, KeyAction>> }) {
  return (
    <span className="key-list">
      {Object.entries(actions).map(([id, action], i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Kbd action={action} /> {action.label}
        </span>
      ))}
    </span>
  );
}
