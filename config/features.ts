// Strapi's own firstPublishedAt: stamped on the draft the first time a locale
// version is published and copied on every later publish, so news dates never move.
export default {
  future: {
    experimental_firstPublishedAt: true,
  },
};
