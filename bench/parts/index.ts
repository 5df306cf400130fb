// Every generator part registers itself on import. A new capability adds its file here.
import './organisations.ts';
import './people.ts';
import './learning.ts';
import './mapping.ts';
import './assessments.ts';
import './initiatives.ts';
import './knowledge.ts';
import './support.ts';
import './requirements.ts';
import './suppliers.ts';
import './contracts.ts';
import './external-contacts.ts';
import './funding-calls.ts';
import './procurements.ts';
import './scorm.ts';
// @features-bench (one import per capability above this line)
