// @vitest-environment happy-dom
import { createApp, defineComponent, h, nextTick } from 'vue';
import { runUiConformance } from '@orbital/conformance/ui';
import { SignIn, SignUp, orbital } from '../index';

const forms = { SignIn, SignUp };

runUiConformance({
  mount: async (form, container, publishableKey) => {
    createApp(defineComponent({ setup: () => () => h(forms[form]) }))
      .use(orbital, { publishableKey })
      .mount(container);
    await nextTick();
  },
  submit: async (form) => form.requestSubmit(),
});
