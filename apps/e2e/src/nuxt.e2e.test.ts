import { demoStarter, nuxtDemo, pairStarter } from './apps';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';

describeSessionScenarios('Nuxt', demoStarter(nuxtDemo));
describeSatelliteScenarios('Nuxt', pairStarter(nuxtDemo));
describeOrganizationScenarios('Nuxt', demoStarter(nuxtDemo));
