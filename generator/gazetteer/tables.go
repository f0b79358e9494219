package gazetteer

// extraPlaces are spellings news text uses that the generated country table
// leaves out (short codes, abbreviations), major non-capital cities and
// geographic regions.
var extraPlaces = []entryRow{
	{"U.S.", Country, "United States", "United States"},
	{"US", Country, "United States", "United States"},
	{"USA", Country, "United States", "United States"},
	{"U.S.A.", Country, "United States", "United States"},
	{"America", Country, "United States", "United States"},
	{"United States", Country, "United States", "United States"},
	{"U.K.", Country, "United Kingdom", "United Kingdom"},
	{"UK", Country, "United Kingdom", "United Kingdom"},
	{"Britain", Country, "United Kingdom", "United Kingdom"},
	{"PRC", Country, "China", "China"},
	{"ROK", Country, "South Korea", "South Korea"},
	{"DPRK", Country, "North Korea", "North Korea"},
	{"UAE", Country, "United Arab Emirates", "United Arab Emirates"},
	{"U.A.E.", Country, "United Arab Emirates", "United Arab Emirates"},
	{"Korea", Country, "Korea", ""},
	{"Korean", Demonym, "Korea", ""},
	{"Iranian", Demonym, "Iran", "Iran"},
	{"Belarusian", Demonym, "Belarus", "Belarus"},
	{"Palestinians", Demonym, "Palestine", "Palestine"},
	{"Americans", Demonym, "United States", "United States"},
	{"Europeans", Demonym, "Europe", ""},
	{"European", Demonym, "Europe", ""},
	{"Western", Demonym, "West", ""},
	{"Arab", Demonym, "Arab world", ""},
	{"Jewish", Demonym, "Israel", ""},
	{"Muslim", Demonym, "", ""},
	{"Asian", Demonym, "Asia", ""},
	{"African", Demonym, "Africa", ""},
	{"Latin American", Demonym, "Latin America", ""},
	{"Middle Eastern", Demonym, "Middle East", ""},
	// major cities that are not capitals
	{"New York", City, "New York", "United States"},
	{"New York City", City, "New York", "United States"},
	{"Los Angeles", City, "Los Angeles", "United States"},
	{"San Francisco", City, "San Francisco", "United States"},
	{"Chicago", City, "Chicago", "United States"},
	{"Houston", City, "Houston", "United States"},
	{"Miami", City, "Miami", "United States"},
	{"Boston", City, "Boston", "United States"},
	{"Seattle", City, "Seattle", "United States"},
	{"Atlanta", City, "Atlanta", "United States"},
	{"Honolulu", City, "Honolulu", "United States"},
	{"Shanghai", City, "Shanghai", "China"},
	{"Hong Kong", City, "Hong Kong", "China"},
	{"Shenzhen", City, "Shenzhen", "China"},
	{"Guangzhou", City, "Guangzhou", "China"},
	{"Wuhan", City, "Wuhan", "China"},
	{"Busan", City, "Busan", "South Korea"},
	{"Incheon", City, "Incheon", "South Korea"},
	{"Osaka", City, "Osaka", "Japan"},
	{"Okinawa", Region, "Okinawa", "Japan"},
	{"St. Petersburg", City, "St. Petersburg", "Russia"},
	{"Vladivostok", City, "Vladivostok", "Russia"},
	{"Kursk", Region, "Kursk", "Russia"},
	{"Kharkiv", City, "Kharkiv", "Ukraine"},
	{"Odesa", City, "Odesa", "Ukraine"},
	{"Odessa", City, "Odesa", "Ukraine"},
	{"Donetsk", Region, "Donetsk", "Ukraine"},
	{"Luhansk", Region, "Luhansk", "Ukraine"},
	{"Donbas", Region, "Donbas", "Ukraine"},
	{"Crimea", Region, "Crimea", "Ukraine"},
	{"Rio de Janeiro", City, "Rio de Janeiro", "Brazil"},
	{"Sao Paulo", City, "São Paulo", "Brazil"},
	{"São Paulo", City, "São Paulo", "Brazil"},
	{"Mumbai", City, "Mumbai", "India"},
	{"Istanbul", City, "Istanbul", "Turkey"},
	{"Dubai", City, "Dubai", "United Arab Emirates"},
	{"Sydney", City, "Sydney", "Australia"},
	{"Melbourne", City, "Melbourne", "Australia"},
	{"Toronto", City, "Toronto", "Canada"},
	{"Frankfurt", City, "Frankfurt", "Germany"},
	{"Munich", City, "Munich", "Germany"},
	{"Geneva", City, "Geneva", "Switzerland"},
	{"Davos", City, "Davos", "Switzerland"},
	{"Jeddah", City, "Jeddah", "Saudi Arabia"},
	{"Gaza", Region, "Gaza", "Palestine"},
	{"Gaza Strip", Region, "Gaza", "Palestine"},
	{"West Bank", Region, "West Bank", "Palestine"},
	{"Tel Aviv", City, "Tel Aviv", "Israel"},
	{"Aleppo", City, "Aleppo", "Syria"},
	{"Karachi", City, "Karachi", "Pakistan"},
	{"Lagos", City, "Lagos", "Nigeria"},
	{"Johannesburg", City, "Johannesburg", "South Africa"},
	{"Cape Town", City, "Cape Town", "South Africa"},
	// cities that business and industry news names: plants, headquarters,
	// air shows (cities that are also common given names, such as Milan or
	// Dallas, are left out: "Milan Kundera")
	{"Long Beach", City, "Long Beach", "United States"},
	{"San Diego", City, "San Diego", "United States"},
	{"Las Vegas", City, "Las Vegas", "United States"},
	{"Detroit", City, "Detroit", "United States"},
	{"St. Louis", City, "St. Louis", "United States"},
	{"Cupertino", City, "Cupertino", "United States"},
	{"Palo Alto", City, "Palo Alto", "United States"},
	{"Silicon Valley", Region, "Silicon Valley", "United States"},
	{"Toulouse", City, "Toulouse", "France"},
	{"Marseille", City, "Marseille", "France"},
	{"Le Bourget", City, "Le Bourget", "France"},
	{"Farnborough", City, "Farnborough", "United Kingdom"},
	{"Glasgow", City, "Glasgow", "United Kingdom"},
	{"Barcelona", City, "Barcelona", "Spain"},
	{"Hamburg", City, "Hamburg", "Germany"},
	{"Shenzhen", City, "Shenzhen", "China"},
	{"Bangalore", City, "Bengaluru", "India"},
	{"Bengaluru", City, "Bengaluru", "India"},
	// regions
	{"Middle East", Region, "Middle East", ""},
	{"Europe", Region, "Europe", ""},
	{"Asia", Region, "Asia", ""},
	{"Africa", Region, "Africa", ""},
	{"Latin America", Region, "Latin America", ""},
	{"North America", Region, "North America", ""},
	{"South America", Region, "South America", ""},
	{"Central Asia", Region, "Central Asia", ""},
	{"Southeast Asia", Region, "Southeast Asia", ""},
	{"East Asia", Region, "East Asia", ""},
	{"Indo-Pacific", Region, "Indo-Pacific", ""},
	{"Asia-Pacific", Region, "Asia-Pacific", ""},
	{"Korean Peninsula", Region, "Korean Peninsula", ""},
	{"South China Sea", Region, "South China Sea", ""},
	{"East China Sea", Region, "East China Sea", ""},
	{"Taiwan Strait", Region, "Taiwan Strait", ""},
	{"Red Sea", Region, "Red Sea", ""},
	{"Black Sea", Region, "Black Sea", ""},
	{"Baltic", Region, "Baltic", ""},
	{"Arctic", Region, "Arctic", ""},
	{"Balkans", Region, "Balkans", ""},
	{"Sahel", Region, "Sahel", ""},
	{"Global South", Region, "Global South", ""},
	{"West", Region, "West", ""},
}

// orgs are well-known organizations: the canonical name first, then other
// spellings and acronyms.
var orgs = [][]string{
	{"United Nations", "U.N.", "UN"},
	{"U.N. Security Council", "UN Security Council", "United Nations Security Council", "Security Council"},
	{"U.N. General Assembly", "UN General Assembly", "General Assembly"},
	{"European Union", "EU", "E.U."},
	{"European Commission"}, {"European Parliament"}, {"European Council"},
	{"Asia-Pacific Economic Cooperation", "APEC"},
	{"Group of 20", "G20", "G-20"},
	{"Group of Seven", "G7", "G-7", "Group of 7"},
	{"BRICS"},
	{"North Atlantic Treaty Organization", "NATO"},
	{"Association of Southeast Asian Nations", "ASEAN"},
	{"International Monetary Fund", "IMF"},
	{"World Bank"},
	{"World Health Organization", "WHO"},
	{"World Trade Organization", "WTO"},
	{"International Atomic Energy Agency", "IAEA"},
	{"Organization of the Petroleum Exporting Countries", "OPEC"},
	{"Shanghai Cooperation Organization", "SCO"},
	{"African Union"}, {"Arab League"}, {"Gulf Cooperation Council", "GCC"},
	{"Organization for Security and Co-operation in Europe", "OSCE"},
	{"International Criminal Court", "ICC"},
	{"International Court of Justice", "ICJ"},
	{"International Committee of the Red Cross", "ICRC", "Red Cross"},
	{"UNICEF"}, {"UNESCO"}, {"UNHCR"}, {"Interpol"},
	{"Amnesty International"}, {"Human Rights Watch"},
	{"Quad"}, {"AUKUS"},
	{"White House"}, {"Kremlin"}, {"Pentagon"}, {"Élysée", "Elysee", "Élysée Palace", "Elysee Palace"},
	// seats of government standing for it
	{"Downing Street", "No. 10 Downing Street", "Number 10"}, {"Whitehall"}, {"Zhongnanhai"},
	{"Blue House"}, {"Quai d'Orsay"}, {"Foggy Bottom"},
	{"State Department", "U.S. State Department", "US State Department", "Department of State"},
	{"Defense Department", "Department of Defense"},
	{"Justice Department", "Department of Justice"},
	{"Treasury Department", "Treasury"},
	{"Joint Chiefs of Staff"},
	{"National Security Council", "NSC"},
	{"Congress"}, {"Senate"}, {"House of Representatives"}, {"Supreme Court"},
	{"Federal Bureau of Investigation", "FBI"},
	{"Central Intelligence Agency", "CIA"},
	{"Federal Reserve"},
	{"Republican Party", "GOP"}, {"Democratic Party"},
	{"Chinese Communist Party", "CCP", "Communist Party of China", "CPC"},
	{"Workers' Party of Korea", "Workers’ Party of Korea"},
	{"People's Liberation Army", "People’s Liberation Army", "PLA"},
	{"Kuomintang", "KMT"},
	{"Democratic Progressive Party", "DPP"},
	{"Duma", "State Duma"}, {"Knesset"}, {"Bundestag"}, {"Politburo"},
	{"Hamas"}, {"Hezbollah"}, {"Taliban"}, {"Houthis"}, {"Islamic State", "ISIS"},
	{"Korean Central News Agency", "KCNA"},
	{"Xinhua"}, {"TASS", "Tass"}, {"Sputnik"}, {"RIA Novosti"}, {"Interfax"}, {"Yonhap"},
	{"Reuters"}, {"Associated Press", "AP"}, {"Agence France-Presse", "AFP"},
	{"Voice of America", "VOA"}, {"BBC"}, {"CNN"}, {"Bloomberg"},
	{"New York Times", "The New York Times"}, {"Washington Post", "The Washington Post"},
	{"Wall Street Journal", "The Wall Street Journal"}, {"Financial Times"},
	{"Gallup"}, {"Pew Research Center"},
	{"Brookings Institution", "Brookings"}, {"Heritage Foundation"},
	{"Center for Strategic and International Studies", "CSIS"},
	{"RAND Corporation", "RAND"}, {"Council on Foreign Relations"},
	{"Carnegie Endowment for International Peace"}, {"Chatham House"},
	{"Hudson Institute"}, {"Atlantic Council"}, {"Stimson Center"},
}

// orgHeads are capitalized head words of organization names.
var orgHeads = set(`Institute Institution Center Centre Council Foundation University College Agency
Ministry Department Party Fund Bank Corporation Corp. Inc. Inc Ltd. Ltd LLC Co. Group Court Committee
Commission Organization Organisation Association Program Programme Administration Bureau Office Service
Board Authority Academy Society Union League Alliance Federation Forum Network Airlines Airways
Embassy Consulate Parliament Assembly Senate Congress Army Navy Force Guard Police Command Cabinet
Company Companies Industries Holdings Laboratory Laboratories Observatory Museum School Hospital Trust
Endowment Coalition Movement Front Secretariat Tribunal Initiative Project Studies Times Post Journal
News Press Media Television Radio Broadcasting Agency Systems Technologies Motors Partners Capital
Exchange Reserve Mission Delegation Caucus Chamber Conference Forces Corps Courts Aircraft Airplanes Aviation
Aerospace Electronics Pharmaceuticals Brands Studios Records Entertainment Games Software Computer Computers
Church Synagogue Diocese Archdiocese Confederation Securities Associates Ventures Investments Insurance
Bancorp Brewery Telecom Airline PLC Plc N.V. AG S.A. GmbH Limited Incorporated LLP`)

// groupNouns are capitalized plurals that name groups of people, not a
// person: "Congressional Republicans", "House Democrats".
var groupNouns = set(`Republicans Democrats Conservatives Liberals Socialists Communists Progressives
Libertarians Independents Greens Nationalists Islamists Jihadists Militants Rebels Separatists Loyalists
Muslims Christians Jews Catholics Protestants Evangelicals Mormons Hindus Buddhists Sikhs Shiites Sunnis
Kurds Arabs Israelis Palestinians Ukrainians Russians Americans Europeans Africans Asians Latinos Hispanics
Officials Lawmakers Senators Legislators Ministers Leaders Analysts Critics Supporters Protesters Residents
Voters Citizens Allies Marines Troops Forces Guards Royals Saints Nations Republicans' Democrats'`)

// facilityHeads end the names of places and things that are not people.
var facilityHeads = set(`Factory Plant Airport Station Stadium Square Avenue Road Boulevard Palace
Theater Theatre Harbor Harbour Base River Mountain Mountains Island Islands Lake Sea Ocean Bay Gulf Valley Tower
Building Mall Hotel Cathedral Mosque Airfield Flight Terminal Highway Canal Strait Peninsula Desert Forest Prison
Dam Arena Museum Library Zoo Province Prefecture County District Region Oblast`)

// govHeads name government bodies after a country or demonym.
var govHeads = set(`Ministry Embassy Consulate Mission Government Parliament Army Navy Military Coast Guard
Foreign Defense Defence Interior Finance Health Trade Justice Commerce Energy Education Security
Cabinet Office Department Council Court Forces Police`)

// roleHeads are title and role nouns (lower case) that can stand right
// before a name or head an appositive.
var roleHeads = set(`president president-elect vice-president premier chancellor minister secretary
secretary-general under-secretary undersecretary ambassador envoy governor gov. senator sen. representative
rep. congressman congresswoman lawmaker legislator mayor king queen prince princess emperor empress pope
cardinal archbishop bishop rev. reverend rabbi imam cleric sheikh sheik emir sultan ayatollah dalai
general gen. adm. admiral col. colonel lt. lieutenant capt. captain maj. sgt. sergeant commander marshal
brig. cmdr. officer chief leader head chairman chairwoman chairperson chair ceo cfo coo cto president
founder co-founder cofounder director professor prof. dr. judge justice magistrate attorney lawyer
prosecutor counsel spokesperson spokesman spokeswoman counterpart adviser advisor aide analyst fellow
researcher scholar economist scientist strategist expert specialist correspondent reporter journalist
editor columnist commentator anchor host businessman businesswoman entrepreneur investor billionaire
tycoon activist campaigner official diplomat negotiator delegate commissioner coordinator executive
manager speaker whip candidate nominee challenger incumbent author co-author coauthor writer novelist
poet artist singer actor actress filmmaker director producer coach player striker goalkeeper athlete
dean rector provost lecturer historian sociologist pollster consultant mediator rapporteur observer
monitor inspector detective sheriff superintendent administrator secretary-general treasurer
deputy ambassador-at-large minister-counselor attaché attache charge chargé consul consul-general
pastor priest monk nun governor-general premier-elect chancellor-elect prime-minister owner partner
president-designate nominee-designate chief-of-staff lobbyist organizer organiser president-elect
vice-chairman vice-chair senior-fellow member survivor witness resident veteran student teacher
doctor nurse engineer pilot soldier farmer worker banker trader broker financier accountant architect
designer photographer physician surgeon psychologist psychiatrist biologist chemist physicist mathematician
professor-emeritus researcher-at-large cartoonist comedian musician composer conductor dancer
chancellor-designate mp legislator-elect governor-elect mayor-elect senator-elect`)

// familyHeads are role heads in lower case only: "his son, Marko Belic"
// (capitalized, "Son" is a name).
var familyHeads = set(`son daughter wife husband brother sister father mother widow widower cousin nephew
niece grandson granddaughter uncle aunt`)

// roleModifiers can precede a role head in a title ("former", "deputy",
// "foreign" in "former Deputy Foreign Minister").
var roleModifiers = set(`former then then-president late acting interim incoming outgoing deputy vice
assistant associate principal senior junior chief executive special foreign defense defence finance
trade interior economy economic home prime state federal national security top lead managing general
first second retired longtime veteran political diplomatic military legal independent conservative
liberal progressive republican democratic influential prominent leading research visiting nonresident
distinguished adjunct emeritus permanent deputy-chief regional local provincial municipal presidential
parliamentary opposition ruling party press communications information defence intelligence
nuclear policy program programme project global international foreign-policy public health climate
energy justice labor labour education agriculture transport transportation commerce industry science
technology environment environmental culture tourism treasury war navy army air naval supreme
majority minority house senate managing co human rights civil
founding current outspoken renowned noted well-known respected newly elected
water fisheries housing sport sports youth immigration mining oil petroleum infrastructure development
planning welfare pensions digital aviation maritime forestry veterans women family social interior`)

var honorifics = map[string]byte{
	"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f',
	"dr.": 0, "sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "madam": 'f', "mme.": 'f',
}

var genderedRoles = map[string]byte{
	"spokesman": 'm', "spokeswoman": 'f', "businessman": 'm', "businesswoman": 'f',
	"congressman": 'm', "congresswoman": 'f', "chairwoman": 'f', "king": 'm', "queen": 'f',
	"prince": 'm', "princess": 'f', "emperor": 'm', "empress": 'f', "actress": 'f', "nun": 'f',
	"monk": 'm', "priest": 'm', "sultan": 'm', "emir": 'm', "sheikh": 'm', "sheik": 'm',
	"son": 'm', "daughter": 'f', "wife": 'f', "husband": 'm', "brother": 'm', "sister": 'f', "father": 'm',
	"mother": 'f', "widow": 'f', "widower": 'm', "nephew": 'm', "niece": 'f', "grandson": 'm',
	"granddaughter": 'f', "uncle": 'm', "aunt": 'f',
}

// eastAsianSurnames are family names that come first in Chinese, Korean and
// Vietnamese names as English news writes them.
var eastAsianSurnames = set(`Kim Lee Yi Ri Park Pak Choi Choe Jung Jeong Chung Kang Cho Jo Yoon Yun Jang Chang
Lim Im Han Oh Seo Suh Shin Sin Kwon Hwang Ahn An Song Ryu Yoo Hong Jeon Jun Ko Go Moon Mun Yang Son Bae Baek
Paek Heo Hur Nam Noh Roh Ha Kwak Sung Cha Woo Min Ju Ryang Hyon Hyun Thae Ban Chu
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Cao
Xi Deng Feng Peng Lu Jiang Cai Jia Ding Wei Xue Ye Yan Yu Pan Du Dai Xia Zhong Wen Qin Lai Tsai Hou Chiang
Mao Qian Kong Bo Fu Shen Tian Dong Fan Shi Yao Tan Liao Zou Xiong Jin Hao Kong Bai Cui Kang Mo Yin
Wong Leung Chan Cheung Lau Ng Tsang Ho Tse Kwok Yeung Chow Lam Mak Chiu Kuo Chou Hsu Hsieh Tseng Ko Teng
Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ngo Duong Ly Lee Goh Teo Lim Ong Tay Koh`)

var calendar = set(`January February March April May June July August September October November December
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun.
Christmas Easter Ramadan Thanksgiving`)
