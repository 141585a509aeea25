import { Logger } from '@nestjs/common';
import { createWorkerApp } from './bootstrap.js';

await createWorkerApp();
new Logger('Worker').log('Convene worker started');
