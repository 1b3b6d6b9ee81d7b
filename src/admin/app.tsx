import type { StrapiApp } from '@strapi/strapi/admin';
import { watchContentDirection } from './content-direction';
import { watchEditingDirection } from './editing-direction';

export default {
  config: {
    // Interface languages offered besides English (Profile → Interface language).
    locales: ['ar'],
  },
  bootstrap(_app: StrapiApp) {
    watchEditingDirection();
    watchContentDirection();
  },
};
