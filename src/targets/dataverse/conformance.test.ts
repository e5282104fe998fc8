import { startDataverseSandbox } from "../../../sandbox/dataverse/index.js";
import { targetConformance } from "../../../test/conformance/target.case.js";
import { createDataverseTarget, sandboxToken } from "./index.js";

delete process.env.http_proxy;

targetConformance({
  name: "dataverse",
  start: async () => {
    const sandbox = await startDataverseSandbox({
      port: 0,
      users: [
        { internalemailaddress: "Active.User@Example.com", fullname: "Active User", firstname: "Active", lastname: "User", isdisabled: false },
        { internalemailaddress: "gone@example.com", fullname: "Gone User", firstname: "Gone", lastname: "User", isdisabled: true },
      ],
    });
    return {
      target: createDataverseTarget({ url: sandbox.url, token: sandboxToken, sleep: async () => undefined }),
      parent: { table: "account", name: "name", text: "telephone1", textMax: 50 },
      child: { table: "contact", name: "lastname", lookup: "parentcustomerid", date: "birthdate", owner: "ownerid" },
      users: { active: "Active.User@Example.com", inactive: "gone@example.com" },
      close: () => sandbox.close(),
    };
  },
});
