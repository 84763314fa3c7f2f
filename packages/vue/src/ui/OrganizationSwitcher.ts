import { defineComponent, h, shallowRef, watch } from 'vue';
import type { InvitationResource } from '@orbital/core/browser';
import { labels } from '@orbital/core/ui';
import { useOrbital } from '../composables';
import { useOrbitalContext } from '../context';
import { useMenu } from './menu';
import { styles } from './styles';

/** Switch between the personal account and the user's organizations; create or manage one. */
export const OrganizationSwitcher = defineComponent({
  name: 'OrganizationSwitcher',
  setup() {
    const orbital = useOrbital();
    const { state } = useOrbitalContext('OrganizationSwitcher');
    const { open, root, menuId, menuStyle } = useMenu();
    // Pending invitations, fetched whenever the menu opens.
    const invitations = shallowRef<InvitationResource[]>([]);
    watch(open, (isOpen) => {
      if (!isOpen) return;
      orbital.getInvitations().then(
        (list) => (invitations.value = list),
        () => (invitations.value = []),
      );
    });
    const choose = (id: string | null) => () => {
      open.value = false;
      void orbital.setActive({ organization: id });
    };
    const join = (id: string) => () => {
      open.value = false;
      void orbital.answerInvitation(id, 'accept');
    };
    return () => {
      const { session, organization, isLoaded } = state.value;
      if (!isLoaded || !session) return null;
      return h('div', { class: 'orb-userbutton', ref: root }, [
        styles(),
        h(
          'button',
          {
            class: 'orb-btn',
            type: 'button',
            'aria-haspopup': 'menu',
            'aria-expanded': open.value,
            'aria-controls': menuId,
            onClick: () => (open.value = !open.value),
          },
          organization ? organization.name : labels.personalAccount,
        ),
        open.value &&
          h(
            'div',
            {
              class: 'orb-menu',
              role: 'menu',
              id: menuId,
              'aria-label': labels.organizationMenu,
              style: menuStyle.value,
            },
            [
              h('button', { role: 'menuitem', type: 'button', onClick: choose(null) }, labels.personalAccount),
              ...session.memberships.map((m) =>
                h(
                  'button',
                  { key: m.organization.id, role: 'menuitem', type: 'button', onClick: choose(m.organization.id) },
                  [`${m.organization.name} `, h('small', `(${m.role})`)],
                ),
              ),
              ...invitations.value.map((i) =>
                h('button', { key: i.id, role: 'menuitem', type: 'button', onClick: join(i.id) }, [
                  `${labels.join} ${i.organization.name} `,
                  h('small', `(${i.role})`),
                ]),
              ),
              h('hr'),
              organization &&
                h(
                  'button',
                  { role: 'menuitem', type: 'button', onClick: () => void orbital.redirectToOrganizationProfile() },
                  labels.manageOrganization,
                ),
              h(
                'button',
                { role: 'menuitem', type: 'button', onClick: () => void orbital.redirectToCreateOrganization() },
                labels.createOrganization,
              ),
            ],
          ),
      ]);
    };
  },
});
