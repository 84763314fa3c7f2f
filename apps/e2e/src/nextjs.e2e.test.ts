import { startNextDemo } from './apps';
import { describeSessionScenarios } from './scenarios/sessions';

describeSessionScenarios('Next.js', startNextDemo);
