/** Dynamics 365 Sales tables: opportunity. */
import type { TableDef } from "./model.js";
import { OWNED_COLUMNS, build, dateOnly, int, memo, money, picklist, str } from "./table-builder.js";

export function SALES_TABLES(): TableDef[] {
  return [
    build("opportunity", {
      entitySetName: "opportunities", primaryId: "opportunityid", primaryName: "name", objectTypeCode: 3,
      ownershipType: "UserOwned", display: ["Opportunity", "Opportunities"],
      states: [
        { state: 0, label: "Open", statuses: [[1, "In Progress"], [2, "On Hold"]] },
        { state: 1, label: "Won", statuses: [[3, "Won"]] },
        { state: 2, label: "Lost", statuses: [[4, "Canceled"], [5, "Out-Sold"]] },
      ],
      // Closed opportunities are reopened before they can be closed another way.
      transitions: { 0: [0, 1, 2], 1: [0, 1], 2: [0, 2] },
      columns: {
        name: str(300, "Text", "ApplicationRequired"),
        customerid: { type: "Customer", targets: ["account", "contact"] },
        parentaccountid: { type: "Lookup", targets: ["account"] },
        parentcontactid: { type: "Lookup", targets: ["contact"] },
        stepname: str(200),
        salesstage: picklist([0, "Qualify"], [1, "Develop"], [2, "Propose"], [3, "Close"]),
        closeprobability: int(0, 100),
        estimatedvalue: money,
        actualvalue: money,
        estimatedclosedate: dateOnly,
        actualclosedate: dateOnly,
        description: memo(2000),
        ...OWNED_COLUMNS,
      },
    }),
  ];
}
