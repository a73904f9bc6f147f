// Stand-in for office-addin-manifest under jest (see jest.config.js): office-addin-mock only imports it.
module.exports = {};
