// Stand-in for office-addin-manifest under jest (see jest.config.js): office-addin-mock only imports it,
// and reads its OfficeApp enum (host names) in every mock object.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
