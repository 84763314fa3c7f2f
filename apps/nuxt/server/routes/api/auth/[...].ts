import { defineAuthServerHandler } from '@orbital/nuxt/server';

export default defineAuthServerHandler(authRoute);
