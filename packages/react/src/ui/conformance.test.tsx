// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { runUiConformance } from '@orbital/conformance/ui';
import { OrbitalProvider } from '../OrbitalProvider';
import { SignIn } from './SignIn';
import { SignUp } from './SignUp';

const forms = { SignIn, SignUp };

runUiConformance({
  mount: async (form, container, publishableKey) => {
    const Form = forms[form];
    await act(async () =>
      createRoot(container).render(
        <OrbitalProvider publishableKey={publishableKey}>
          <Form />
        </OrbitalProvider>,
      ),
    );
  },
  submit: (form) => act(async () => form.requestSubmit()),
});
