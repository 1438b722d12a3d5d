import type { Category, PolicySectionId, Severity } from '../types';

/**
 * Which sections of the Safe Use of Social Media Policy each category concerns.
 * A rule may name its own sections; these are the defaults.
 */
export const CATEGORY_SECTIONS: Record<Category, PolicySectionId[]> = {
  'school-name': ['objective-2', 'objective-3'],
  'pupil-name': ['objective-1', 'objective-4'],
  bullying: ['objective-6', 'strategy-4'],
  threat: ['objective-1', 'objective-6', 'strategy-4'],
  hate: ['objective-1', 'objective-6', 'strategy-2'],
  defamation: ['objective-5'],
  'professional-distance': ['objective-4', 'strategy-5'],
  reputation: ['objective-2', 'objective-3', 'strategy-3'],
  wellbeing: ['objective-1'],
  profanity: ['strategy-1'],
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
