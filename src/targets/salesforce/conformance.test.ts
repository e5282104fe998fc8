import { targetConformance } from "../../../test/conformance/target.case.js";
import { startOrg } from "./test-support.js";

targetConformance({
  name: "salesforce",
  start: async () => {
    const org = await startOrg({
      users: [
        { email: "Active.User@Example.com", name: "Active User" },
        { email: "gone@example.com", name: "Gone User", isActive: false },
      ],
    });
    return {
      target: org.target,
      parent: { table: "Account", name: "Name", text: "Phone", textMax: 40 },
      child: { table: "Contact", name: "LastName", lookup: "AccountId", date: "Birthdate", owner: "OwnerId" },
      users: { active: "Active.User@Example.com", inactive: "gone@example.com" },
      close: () => org.close(),
    };
  },
});
