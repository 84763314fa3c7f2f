import { displayName, initials, labels } from '@orbital/core/ui';
import { useOrbital, useOrbitalState } from '../useOrbital';
import { useMenu } from '../useMenu';
import { Styles } from './Styles';

/**
 * The account menu: who is signed in, switch between accounts, add one, manage the profile, sign
 * out of one or all. Keyboard and screen-reader friendly (menu button pattern).
 */
export function UserButton() {
  const orbital = useOrbital();
  const { session, sessions, isLoaded } = useOrbitalState('UserButton');
  const { open, setOpen, root, menuId, menuStyle } = useMenu();

  if (!isLoaded || !session) return null;
  const others = sessions.filter((s) => s.id !== session.id);
  const act = (run: () => Promise<unknown>) => () => {
    setOpen(false);
    void run();
  };

  return (
    <div className="orb-userbutton" ref={root}>
      <Styles />
      <button
        className="orb-trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`${labels.accountMenu}: ${displayName(session.user)}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="orb-avatar" aria-hidden="true">
          {initials(session.user)}
        </span>
      </button>
      {open && (
        <div className="orb-menu" role="menu" id={menuId} aria-label={labels.accountMenu} style={menuStyle}>
          <div className="orb-who">
            <span className="orb-avatar" aria-hidden="true">
              {initials(session.user)}
            </span>
            <span>
              {displayName(session.user)}
              <small>{session.user.email}</small>
            </span>
          </div>
          <button role="menuitem" type="button" onClick={act(() => orbital.redirectToUserProfile())}>
            {labels.manageAccount}
          </button>
          <button role="menuitem" type="button" onClick={act(() => orbital.signOut({ sessionId: session.id }))}>
            {labels.signOut}
          </button>
          <hr />
          {others.map((other) => (
            <button
              key={other.id}
              role="menuitem"
              type="button"
              onClick={act(() => orbital.setActive({ session: other.id, redirectUrl: window.location.href }))}
            >
              <span className="orb-avatar" aria-hidden="true">
                {initials(other.user)}
              </span>
              {labels.switchTo} {displayName(other.user)}
            </button>
          ))}
          <button role="menuitem" type="button" onClick={act(() => orbital.redirectToSignIn({ addAccount: true }))}>
            {labels.addAccount}
          </button>
          {others.length > 0 && (
            <button role="menuitem" type="button" onClick={act(() => orbital.signOut())}>
              {labels.signOutAll}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
