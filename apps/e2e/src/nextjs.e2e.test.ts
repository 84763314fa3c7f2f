import { demoStarter, nextDemo, pairStarter } from './apps';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';
import { describeTrustScenarios } from './scenarios/trust';

describeSessionScenarios('Next.js', demoStarter(nextDemo));
describeSatelliteScenarios('Next.js', pairStarter(nextDemo));
describeOrganizationScenarios('Next.js', demoStarter(nextDemo));
describeTrustScenarios('Next.js', demoStarter(nextDemo));
