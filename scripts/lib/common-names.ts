// Lists an attacker would start from: about 300 of the commonest first names
// given to children in England and Wales over the years today's pupils were
// born, and about 300 of the commonest surnames, both in rough order of
// frequency. Written from memory of the ONS baby-name and surname tables, not
// copied from any data set. Used only by scripts/roster-attack.ts.

export const COMMON_FIRST_NAMES: readonly string[] = `
Olivia Amelia Isla Ava Emily Sophia Grace Mia Poppy Ella Lily Evie Isabella Sophie Ivy Freya Harper Willow Charlotte
Jessica Rosie Daisy Florence Alice Phoebe Sienna Evelyn Isabelle Matilda Elsie Ruby Millie Chloe Emma Lucy Holly Ellie
Erin Scarlett Maya Hannah Lola Imogen Eva Layla Esme Megan Katie Amber Lacey Leah Molly Georgia Abigail Zara Mollie Eliza
Lilly Bella Nancy Thea Maisie Aria Violet Emilia Harriet Elizabeth Annabelle Summer Jasmine Francesca Niamh Caitlin Anna
Eleanor Rebecca Paige Lauren Bethany Jade Madison Keira Courtney Ellie-May Amelie Heidi Robyn Darcy Layla-Rose Skye
Hollie Aisha Maryam Fatima Zainab Amira Hafsa Khadija Aaliyah Ayesha Zahra Noor Mariam Inaya Safa Sara Sarah Laura Naomi
Victoria Alexandra Beatrice Clara Rose Lottie Ada Iris Margot Orla Aoife Caoimhe Ciara Seren Ffion Cerys Megan Nia Mali
Oliver Jack Harry George Noah Charlie Jacob Alfie Freddie Oscar Leo Logan Archie Theo Thomas James Joshua Henry William
Max Lucas Ethan Arthur Mason Isaac Harrison Teddy Finley Daniel Riley Edward Joseph Alexander Adam Reggie Samuel Jaxon
Sebastian Elijah Harley Toby Arlo Dylan Jude Benjamin Rory Tommy Jake Louie Carter Jenson Hugo Bobby Frankie Ollie Zachary
David Albie Lewis Luca Ronnie Jackson Matthew Alex Harvey Reuben Jayden Caleb Hunter Theodore Nathan Blake Luke Elliot
Liam Ryan Kai Tyler Callum Connor Kyle Owen Cameron Lewis Aaron Kieran Ben Sam Luke Jamie Bradley Nathaniel Jordan Corey
Michael Christopher Ryan Patrick Rhys Dafydd Gethin Osian Ieuan Cian Oisin Conor Sean Eoin Fionn Muhammad Mohammed
Mohammad Yusuf Ibrahim Omar Ali Hamza Zayn Ayaan Musa Ahmed Abdullah Adam Idris Ismail Bilal Hassan Zain Arjun Aarav Rohan
Dev Kian Kacper Jakub Szymon Filip Antoni Maja Zofia Lena Julia Oliwia Amelia Aleksander Tymon Mateusz Wiktoria Natalia
Stanley Ezra Jasper Felix Otis Milo Rupert Jesse Nico Emmanuel Joel Tobias Ashton Aiden Brandon Kayden Mikey Danny
Marcus Tyrese Jermaine Kwame Kofi Tobi David Samuel Precious Blessing Favour Chidera Adaeze Ama Abena Esther Ruth
Tamsin Jayden Amira Priya Anaya Simran Harleen Jasleen Gurpreet Manpreet Harpreet Sukhmani Nikita Riya Diya Isha
`.split(/\s+/).filter(Boolean);

export const COMMON_SURNAMES: readonly string[] = `
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright Walker White Edwards
Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker
Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter
Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum
Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes Mills Barnes
Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur
Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley
Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson
Newman Barrett Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins
Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke Bates Henderson Parry
Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton McDonald
Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers O'Neill Griffin Sharp Hardy
Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis
Higgins Read Miles Stevenson Stephenson Hammond Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead
Mann Frost Lambert Stephens Blake Akhtar Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Bibi Clayton
Nash Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman Middleton Lawson Banks
French Stanley Jarvis Gibbs Ferguson Hayward Carroll Douglas Dickinson Todd Barlow Peters Lucas Knowles Hartley Miah
Simmons Morton Alexander Field Morrison Norris Townsend Preston Hancock Thornton Baldwin Burrows Briggs Storey Pike
Nowak Kowalski Wisniewski Nguyen Tran Okafor Okoro Adeyemi Mensah Osei Haddad Rahman Islam Uddin Malik Iqbal Hussein
`.split(/\s+/).filter(Boolean);
