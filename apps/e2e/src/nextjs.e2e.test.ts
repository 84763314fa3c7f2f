import { startNextDemo, startNextPair } from './apps';
import { describeOrganizationScenarios } from './scenarios/organizations';
import { describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';

describeSessionScenarios('Next.js', startNextDemo);
describeSatelliteScenarios('Next.js', startNextPair);
describeOrganizationScenarios('Next.js', startNextDemo);
