import { defineComponent, h } from 'vue';
import { displayName, initials, labels } from '@orbital/core/ui';
import { useOrbital } from '../composables';
import { useOrbitalContext } from '../context';
import { useMenu } from './menu';
import { styles } from './styles';

const item = (label: unknown, onClick: () => void, key?: string) =>
  h('button', { key, role: 'menuitem', type: 'button', onClick }, label as string);

/**
 * The account menu: who is signed in, switch between accounts, add one, manage the profile, sign
 * out of one or all. Keyboard and screen-reader friendly (menu button pattern).
 */
export const UserButton = defineComponent({
  name: 'UserButton',
  setup() {
    const orbital = useOrbital();
    const { state } = useOrbitalContext('UserButton');
    const { open, root, menuId, menuStyle } = useMenu();
    const act = (run: () => Promise<unknown>) => () => {
      open.value = false;
      void run();
    };
    return () => {
      const { session, sessions, isLoaded } = state.value;
      if (!isLoaded || !session) return null;
      const others = sessions.filter((s) => s.id !== session.id);
      return h('div', { class: 'orb-userbutton', ref: root }, [
        styles(),
        h(
          'button',
          {
            class: 'orb-trigger',
            type: 'button',
            'aria-haspopup': 'menu',
            'aria-expanded': open.value,
            'aria-controls': menuId,
            'aria-label': `${labels.accountMenu}: ${displayName(session.user)}`,
            onClick: () => (open.value = !open.value),
          },
          [h('span', { class: 'orb-avatar', 'aria-hidden': 'true' }, initials(session.user))],
        ),
        open.value &&
          h(
            'div',
            { class: 'orb-menu', role: 'menu', id: menuId, 'aria-label': labels.accountMenu, style: menuStyle.value },
            [
              h('div', { class: 'orb-who' }, [
                h('span', { class: 'orb-avatar', 'aria-hidden': 'true' }, initials(session.user)),
                h('span', [displayName(session.user), h('small', session.user.email)]),
              ]),
              item(
                labels.manageAccount,
                act(() => orbital.redirectToUserProfile()),
              ),
              item(
                labels.signOut,
                act(() => orbital.signOut({ sessionId: session.id })),
              ),
              h('hr'),
              ...others.map((other) =>
                h(
                  'button',
                  {
                    key: other.id,
                    role: 'menuitem',
                    type: 'button',
                    onClick: act(() => orbital.setActive({ session: other.id, redirectUrl: window.location.href })),
                  },
                  [
                    h('span', { class: 'orb-avatar', 'aria-hidden': 'true' }, initials(other.user)),
                    `${labels.switchTo} ${displayName(other.user)}`,
                  ],
                ),
              ),
              item(
                labels.addAccount,
                act(() => orbital.redirectToSignIn({ addAccount: true })),
              ),
              others.length > 0 &&
                item(
                  labels.signOutAll,
                  act(() => orbital.signOut()),
                ),
            ],
          ),
      ]);
    };
  },
});
