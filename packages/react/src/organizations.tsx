import { useEffect, useState } from 'react';
import { labels } from '@orbital/core/ui';
import {
  membershipsSnapshot,
  organizationSnapshot,
  type InvitationResource,
  type MembershipResource,
  type OrganizationResource,
} from '@orbital/core/browser';
import { useOrbital, useOrbitalState } from './useOrbital';
import { useMenu } from './useMenu';
import { Styles } from './ui/Styles';

/** The organization the active session acts for, and the user's role there. */
export function useOrganization(): {
  isLoaded: boolean;
  organization: (OrganizationResource & { role: string }) | null | undefined;
} {
  return organizationSnapshot(useOrbitalState('useOrganization'));
}

/** Every organization the user belongs to, and how to act for one (or for none). */
export function useOrganizationList(): {
  isLoaded: boolean;
  memberships: MembershipResource[] | undefined;
  setActive: (params: { organization: string | null }) => Promise<void>;
  createOrganization: (fields: { name: string; slug?: string }) => Promise<string>;
} {
  const orbital = useOrbital();
  const state = useOrbitalState('useOrganizationList');
  return {
    ...membershipsSnapshot(state),
    setActive: (params) => orbital.setActive({ organization: params.organization }),
    createOrganization: (fields) => orbital.createOrganization(fields),
  };
}

/** The signed-in user's pending invitations, fetched whenever `when` turns true (a menu opening). */
function usePendingInvitations(when: boolean): InvitationResource[] {
  const orbital = useOrbital();
  const [invitations, setInvitations] = useState<InvitationResource[]>([]);
  useEffect(() => {
    if (!when) return;
    let current = true;
    orbital.getInvitations().then(
      (list) => current && setInvitations(list),
      () => current && setInvitations([]),
    );
    return () => {
      current = false;
    };
  }, [orbital, when]);
  return when ? invitations : [];
}

/** Sends the user to create an organization, coming back here afterwards. */
export function RedirectToCreateOrganization() {
  const orbital = useOrbital();
  useEffect(() => void orbital.redirectToCreateOrganization(), [orbital]);
  return null;
}

export function RedirectToOrganizationProfile() {
  const orbital = useOrbital();
  useEffect(() => void orbital.redirectToOrganizationProfile(), [orbital]);
  return null;
}

/** Switch between the personal account and the user's organizations; create or manage one. */
export function OrganizationSwitcher() {
  const orbital = useOrbital();
  const { session, organization, isLoaded } = useOrbitalState('OrganizationSwitcher');
  const { open, setOpen, root, menuId, menuStyle } = useMenu();
  const invitations = usePendingInvitations(open);
  if (!isLoaded || !session) return null;
  const choose = (id: string | null) => () => {
    setOpen(false);
    void orbital.setActive({ organization: id });
  };
  const join = (id: string) => () => {
    setOpen(false);
    void orbital.answerInvitation(id, 'accept');
  };
  return (
    <div className="orb-userbutton" ref={root}>
      <Styles />
      <button
        className="orb-btn"
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        {organization ? organization.name : labels.personalAccount}
      </button>
      {open && (
        <div className="orb-menu" role="menu" id={menuId} aria-label={labels.organizationMenu} style={menuStyle}>
          <button role="menuitem" type="button" onClick={choose(null)}>
            {labels.personalAccount}
          </button>
          {session.memberships.map((m) => (
            <button key={m.organization.id} role="menuitem" type="button" onClick={choose(m.organization.id)}>
              {m.organization.name} <small>({m.role})</small>
            </button>
          ))}
          {invitations.map((i) => (
            <button key={i.id} role="menuitem" type="button" onClick={join(i.id)}>
              {labels.join} {i.organization.name} <small>({i.role})</small>
            </button>
          ))}
          <hr />
          {organization && (
            <button role="menuitem" type="button" onClick={() => void orbital.redirectToOrganizationProfile()}>
              {labels.manageOrganization}
            </button>
          )}
          <button role="menuitem" type="button" onClick={() => void orbital.redirectToCreateOrganization()}>
            {labels.createOrganization}
          </button>
        </div>
      )}
    </div>
  );
}
