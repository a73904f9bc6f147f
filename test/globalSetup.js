// Builds the command line into build/cli/ before the tests, so that the tests that run `bin/techfund.js` as a process
// run the current sources (scripts/build-cli.js).
const { buildCli } = require("../scripts/build-cli.js");

module.exports = () => {
  buildCli();
};
