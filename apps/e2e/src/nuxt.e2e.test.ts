import { demoStarter, nextDemo, nuxtDemo, pairStarter } from './apps';
import { describeEmailScenarios } from './scenarios/email';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeMixedPairScenario, describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';
import { describeTrustScenarios } from './scenarios/trust';
import { describeZeroConfigScenario } from './scenarios/zero-config';

describeSessionScenarios('Nuxt', demoStarter(nuxtDemo));
describeSatelliteScenarios('Nuxt', pairStarter(nuxtDemo));
describeOrganizationScenarios('Nuxt', demoStarter(nuxtDemo));
describeEmailScenarios('Nuxt', demoStarter(nuxtDemo));
describeTrustScenarios('Nuxt', demoStarter(nuxtDemo));
describeZeroConfigScenario('Nuxt', nuxtDemo);
describeMixedPairScenario('Nuxt satellite of a Next.js primary', pairStarter(nuxtDemo, nextDemo));
