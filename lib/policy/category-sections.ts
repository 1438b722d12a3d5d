import type { Category, PolicySectionId, Role, Severity } from '../types';

/**
 * Which sections of the Safe Use of Social Media Policy each category concerns.
 * A rule may name its own sections; these are the defaults. Wellbeing has none:
 * a note offering support is not a breach of anything, and must never read as one.
 */
export const CATEGORY_SECTIONS: Record<Category, PolicySectionId[]> = {
  'school-name': ['objective-2', 'objective-3'],
  // A pupil's name as staff write it; see PUPIL_NAME_BY_ROLE for what pupils see.
  'pupil-name': ['objective-1', 'objective-4', 'strategy-1'],
  bullying: ['objective-6', 'strategy-4'],
  threat: ['objective-1', 'objective-6', 'strategy-4'],
  hate: ['objective-1', 'objective-6', 'strategy-2'],
  defamation: ['objective-5'],
  'professional-distance': ['objective-4', 'strategy-5'],
  reputation: ['objective-2', 'objective-3', 'strategy-3'],
  wellbeing: [],
  profanity: ['strategy-1'],
};

/**
 * What naming a pupil means for each role (README, "Naming pupils"; docs/admin.md).
 * - Staff: a safeguarding matter. A clear warning, linked to the duties that
 *   apply to staff: nothing harmful to any member of the school community
 *   (Objective 1), professional distance from pupils (Objective 4) and public
 *   trust (Strategy 1).
 * - Pupils: naming a friend is usually kind, and a warning would teach pupils to
 *   click through. An information note linked to the one section about what
 *   pupils publish (Objective 1), never Objective 4, which is a staff duty. A
 *   pupil who insults a pupil gets the bullying warning as well, as before.
 */
export const PUPIL_NAME_BY_ROLE: Record<Role, { severity: Severity; policySections: PolicySectionId[] }> = {
  staff: { severity: 'warning', policySections: ['objective-1', 'objective-4', 'strategy-1'] },
  pupil: { severity: 'info', policySections: ['objective-1'] },
};

export const CATEGORY_SEVERITY: Record<Category, Severity> = {
  'school-name': 'info',
  'pupil-name': 'warning',
  bullying: 'serious',
  threat: 'serious',
  hate: 'serious',
  defamation: 'serious',
  'professional-distance': 'serious',
  reputation: 'warning',
  wellbeing: 'serious',
  profanity: 'info',
};

/** Short, plain labels for people (the nudge, the CLI, the popup's counts). */
export const CATEGORY_LABELS: Record<Category, string> = {
  'school-name': 'Names the school',
  'pupil-name': 'Names a pupil',
  bullying: 'Could hurt someone',
  threat: 'Reads as a threat',
  hate: 'Attacks who someone is',
  defamation: 'Accuses someone',
  'professional-distance': 'Private contact with pupils',
  reputation: 'Criticises the school in public',
  wellbeing: 'Are you OK?',
  profanity: 'Strong language',
};
