import { startNextDemo, startNextPair } from './apps';
import { describeSatelliteScenarios } from './scenarios/satellites';
import { describeSessionScenarios } from './scenarios/sessions';

describeSessionScenarios('Next.js', startNextDemo);
describeSatelliteScenarios('Next.js', startNextPair);
