import type { StrapiApp } from '@strapi/strapi/admin';
import { watchContentDirection } from './content-direction';
import { watchEditingDirection } from './editing-direction';
import { dismissIntroductions } from './introductions';

export default {
  config: {
    // Interface languages offered besides English (Profile → Interface language).
    locales: ['ar'],
  },
  bootstrap(_app: StrapiApp) {
    // Before the first render: Strapi reads these settings when it mounts.
    dismissIntroductions();
    watchEditingDirection();
    watchContentDirection();
  },
};
