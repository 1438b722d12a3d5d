// Words around a name that say which reading of it is meant. Shared by the
// school matcher (an alias that is also a place, a saint or a famous person)
// and the pupil matcher (a pupil who shares a famous person's name, a
// relative or a pet who shares a pupil's first name).

/** Words that make school the likely subject of a post: "the head", "year 9", "in maths". */
export const SCHOOL_CONTEXT: ReadonlySet<string> = new Set([
  'school', 'academy', 'college', 'sixth', 'form', 'year', 'yr', 'y7', 'y8', 'y9', 'y10', 'y11', 'y12', 'y13',
  'teacher', 'teachers', 'sir', 'miss', 'head', 'headteacher', 'deputy', 'staff', 'pupil', 'pupils', 'students',
  'lesson', 'lessons', 'class', 'classes', 'detention', 'uniform', 'gcse', 'gcses', 'mocks', 'exam', 'exams',
  'canteen', 'playground', 'assembly', 'homework', 'term', 'pe', 'maths', 'science', 'english', 'tutor',
  'parents', 'governors', 'ofsted', 'prom', 'blazer', 'caretaker', 'kids', 'changing', 'locker', 'timetable', 'register', 'reception', 'ks3', 'ks4', 'alevel', 'alevels',
]);

/** The grown-ups in a pupil's family: "my nan Penny" is not a pupil, "my uncle moved to Darwin" is the city. */
export const GROWN_UPS: ReadonlySet<string> = new Set([
  'uncle', 'aunt', 'auntie', 'aunty', 'nan', 'nana', 'nanna', 'nanny', 'gran', 'granny', 'grandma', 'grandmother', 'grandad',
  'granddad', 'grandpa', 'grandfather', 'grampa', 'gramps', 'grandparents', 'parents', 'mum', 'mam', 'mom', 'dad', 'stepmum',
  'stepdad', 'godmother', 'godfather', 'family', 'godparents',
]);

/** Pets, which often share a pupil's first name: "our dog Ruby", "my hamster Will". */
export const PETS: ReadonlySet<string> = new Set([
  'dog', 'dogs', 'puppy', 'pup', 'cat', 'cats', 'kitten', 'kitty', 'hamster', 'rabbit', 'bunny', 'horse', 'pony', 'budgie',
  'parrot', 'tortoise', 'goldfish', 'fish', 'gecko', 'lizard', 'snake', 'pig', 'piggy', 'ferret', 'rat', 'mouse', 'chicken', 'hen',
]);

/** The school day around a pupil, beyond SCHOOL_CONTEXT: "at lunch", "on the bus", "in the library". */
export const SCHOOL_DAY: ReadonlySet<string> = new Set([
  'lunch', 'lunchtime', 'break', 'breaktime', 'corridor', 'corridors', 'library', 'bus', 'trip', 'coursework', 'revision',
  'classroom', 'classmate', 'classmates', 'form', 'registration', 'isolation', 'exclusion', 'excluded', 'suspended', 'expelled',
]);

/**
 * Words of the worlds famous people live in: sport, screen, music, books,
 * politics and the royals. A pupil who shares a famous full name is read as the
 * famous one only beside one of these ("Harry Kane scored", "Tom Holland's new
 * film"); "Jack Harrison stole my phone" is the pupil.
 */
export const FAME_CONTEXT: ReadonlySet<string> = new Set([
  // sport
  'scored', 'scores', 'goal', 'goals', 'hattrick', 'worldie', 'penalty', 'match', 'fixture', 'league', 'premier', 'prem', 'cup', 'final',
  'transfer', 'signed', 'signing', 'striker', 'winger', 'midfielder', 'defender', 'keeper', 'goalkeeper', 'manager', 'england', 'lionesses',
  'euros', 'olympics', 'olympic', 'medal', 'race', 'f1', 'prix', 'podium', 'championship', 'wimbledon', 'fight', 'boxer', 'knockout',
  'darts', 'snooker', 'cricket', 'rugby', 'tennis', 'nba', 'nfl', 'fifa', 'ballon', 'fans', 'stadium', 'pundit', 'team',
  'driver', 'lap', 'pole', 'qualifying', 'grid', 'ferrari', 'mercedes', 'mclaren', 'redbull', 'silverstone',
  // screen and stage
  'film', 'films', 'movie', 'movies', 'cinema', 'netflix', 'disney', 'marvel', 'trailer', 'actor', 'actress', 'acting', 'starring', 'stars',
  'cast', 'role', 'character', 'episode', 'episodes', 'series', 'season', 'show', 'tv', 'telly', 'bbc', 'itv', 'sitcom', 'oscar', 'oscars',
  'bafta', 'premiere', 'spiderman', 'batman', 'superhero', 'documentary', 'celeb', 'celebs', 'celebrity', 'famous', 'interview', 'podcast',
  'youtube', 'youtuber', 'streamer', 'stream', 'twitch', 'tiktoker', 'influencer', 'presenter', 'comedian',
  // music
  'song', 'songs', 'album', 'single', 'tour', 'concert', 'gig', 'tickets', 'singer', 'rapper', 'band', 'music', 'spotify', 'lyrics', 'grammy',
  'brits', 'eurovision', 'festival', 'glastonbury',
  // books, history, politics, royals
  'book', 'books', 'novel', 'author', 'wrote', 'prime', 'minister', 'parliament', 'mp', 'election', 'president', 'king', 'queen', 'prince',
  'princess', 'royal', 'royals', 'history', 'war', 'speech',
]);
