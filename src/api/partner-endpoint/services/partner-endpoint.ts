import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::partner-endpoint.partner-endpoint');
