// Every scenario registers itself on import, in the order they run. A new capability adds its file here.
import './core.ts';
import './people.ts';
import './learning.ts';
import './mapping.ts';
import './assessments.ts';
import './initiatives.ts';
import './dashboards.ts';
import './start.ts';
import './knowledge.ts';
import './sso.ts';
import './scim.ts';
import './support.ts';
import './requirements.ts';
import './suppliers.ts';
import './contract-radar.ts';
import './supplier-contracts.ts';
import './external-contacts.ts';
import './funding-calls.ts';
import './procurements.ts';
import './contract-import.ts';
import './xapi.ts';
import './scorm.ts';
// @features-bench (one import per capability above this line)
