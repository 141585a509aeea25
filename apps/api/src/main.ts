import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@convene/server-core';
import { createApiApp } from './bootstrap.js';

const app = await createApiApp();
const config = app.get<AppConfig>(APP_CONFIG);
await app.listen(config.port, config.host);
new Logger('API').log(`Convene API listening on ${config.publicUrl}`);
