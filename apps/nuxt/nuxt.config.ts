// Configuration comes from env vars at run time (NUXT_PUBLIC_ORBITAL_*, ORBITAL_*): one build serves every role.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  modules: ['@orbital/nuxt'],
  devtools: { enabled: false },
  telemetry: false,
  app: { head: { title: 'Orbital · Nuxt demo' } },
  // A hydration mismatch names its element in production too: the browser suite fails on any.
  vite: { define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' } },
});
