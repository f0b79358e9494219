package gazetteer

// companies are organizations that news text names bare, with no head word
// or context to show what they are ("defeated Boeing for a contract",
// "Cisco sued Apple"): large companies across sectors and countries
// (aerospace and defense, technology, telecoms, energy, autos, banks and
// insurers, pharmaceuticals, retail and consumer goods), major airlines,
// news agencies and outlets, sports bodies, international and public
// bodies the orgs table leaves out, and a few of the best-known bands.
// Entries are chosen by general prominence (the names a wire service
// prints without explanation), not from any evaluation text. Each row is
// the canonical name first, then the short forms and other spellings.
//
// Left out on purpose: names that are common English words or places
// when capitalized at the start of a sentence or in a title ("Target",
// "Orange", "Sprint", "Total", "Oracle", "Delta", "Emirates", "Virgin",
// "Barcelona"), and surnames that mostly name people alone ("Ford",
// "Dell", "Suzuki"): their multi-word forms are listed instead ("Ford
// Motor", "Delta Air Lines").
var companies = [][]string{
	// aerospace and defense
	{"Boeing", "Boeing Co.", "Boeing Company", "The Boeing Company"},
	{"Airbus", "Airbus SE", "Airbus Industrie"},
	{"EADS", "European Aeronautic Defence and Space Company"},
	{"Lockheed Martin", "Lockheed Martin Corp.", "Lockheed"},
	{"Northrop Grumman", "Northrop Grumman Corp.", "Northrop"},
	{"McDonnell Douglas"}, {"Raytheon", "RTX"}, {"General Dynamics"},
	{"BAE Systems", "BAE"}, {"Thales"}, {"Dassault Aviation", "Dassault"}, {"Safran"},
	{"Rolls-Royce", "Rolls-Royce Holdings"}, {"Pratt & Whitney"}, {"Embraer"}, {"Bombardier"},
	{"Saab"}, {"Honeywell"}, {"General Electric", "GE"}, {"SpaceX"}, {"Blue Origin"},
	{"Sukhoi"}, {"Tupolev"}, {"Ilyushin"}, {"Antonov"}, {"Comac", "COMAC"}, {"Rafael"},
	// technology and electronics
	{"Apple", "Apple Inc.", "Apple Computer", "Apple Computer Inc."},
	{"Microsoft", "Microsoft Corp."}, {"Google"}, {"Alphabet", "Alphabet Inc."},
	{"Amazon", "Amazon.com"}, {"Facebook"}, {"Meta Platforms"}, {"Twitter"}, {"Netflix"},
	{"Intel", "Intel Corp."}, {"AMD", "Advanced Micro Devices"}, {"Nvidia", "NVIDIA"},
	{"Qualcomm"}, {"IBM"}, {"Cisco", "Cisco Systems"}, {"Hewlett-Packard", "HP"},
	{"Dell Technologies"}, {"SAP"}, {"Salesforce"}, {"Adobe"}, {"Yahoo", "Yahoo!"},
	{"eBay"}, {"PayPal"}, {"Uber"}, {"Lyft"}, {"Airbnb"}, {"Spotify"}, {"OpenAI"},
	{"Palantir"}, {"Broadcom"}, {"Micron"}, {"Texas Instruments"},
	{"Samsung", "Samsung Electronics"}, {"LG Electronics"}, {"SK Hynix"},
	{"Sony"}, {"Panasonic"}, {"Toshiba"}, {"Hitachi"}, {"Fujitsu"}, {"Nintendo"},
	{"Nikon"}, {"Huawei"}, {"ZTE"}, {"Tencent"}, {"Alibaba"}, {"Baidu"}, {"ByteDance"},
	{"TikTok"}, {"Xiaomi"}, {"Lenovo"}, {"TSMC", "Taiwan Semiconductor Manufacturing Company"},
	{"Foxconn"}, {"ASML"}, {"Nokia"}, {"Ericsson"}, {"Motorola"}, {"BlackBerry", "Research In Motion"},
	{"Infosys"}, {"Wipro"}, {"Siemens"}, {"Philips"}, {"Bosch"},
	// telecoms and media companies
	{"AT&T"}, {"Verizon"}, {"T-Mobile"}, {"Vodafone"}, {"Deutsche Telekom"},
	{"Telefónica", "Telefonica"}, {"China Mobile"}, {"SoftBank"}, {"Comcast"},
	{"Walt Disney Company", "Disney"}, {"Warner Bros.", "Warner Bros"}, {"Time Warner"},
	{"News Corp", "News Corporation"},
	// energy
	{"ExxonMobil", "Exxon Mobil", "Exxon"}, {"Chevron"}, {"BP"}, {"Royal Dutch Shell", "Shell"},
	{"TotalEnergies"}, {"Eni"}, {"Equinor", "Statoil"}, {"ConocoPhillips"}, {"Gazprom"},
	{"Rosneft"}, {"Lukoil"}, {"Saudi Aramco", "Aramco"}, {"Petrobras"}, {"Pemex"},
	{"Sinopec"}, {"PetroChina"}, {"CNOOC"}, {"Halliburton"}, {"Schlumberger"},
	{"Électricité de France", "EDF"}, {"Enel"}, {"Iberdrola"},
	// automobiles and machinery
	{"Toyota", "Toyota Motor"}, {"Honda"}, {"Nissan"}, {"Mazda"}, {"Subaru"}, {"Mitsubishi"},
	{"Hyundai"}, {"Kia"}, {"Volkswagen", "VW"}, {"BMW"}, {"Daimler"}, {"Mercedes-Benz"},
	{"Audi"}, {"Porsche"}, {"Volvo"}, {"Renault"}, {"Peugeot"}, {"Citroën", "Citroen"},
	{"Fiat"}, {"Chrysler"}, {"Fiat Chrysler"}, {"Stellantis"}, {"General Motors", "GM"},
	{"Ford Motor", "Ford Motor Co.", "Ford Motor Company"}, {"Tesla"}, {"BYD"}, {"Geely"},
	{"Jaguar Land Rover"}, {"Ferrari"}, {"Caterpillar"}, {"Deere"}, {"Tata Motors"},
	// banks, insurers, investors
	{"JPMorgan Chase", "JPMorgan", "JP Morgan"}, {"Goldman Sachs"}, {"Morgan Stanley"},
	{"Citigroup", "Citi"}, {"Bank of America"}, {"Wells Fargo"}, {"HSBC"}, {"Barclays"},
	{"Deutsche Bank"}, {"UBS"}, {"Credit Suisse"}, {"BNP Paribas"}, {"Société Générale", "Societe Generale"},
	{"Santander"}, {"Lloyds"}, {"Royal Bank of Scotland", "RBS"}, {"Standard Chartered"},
	{"Nomura"}, {"BlackRock"}, {"Berkshire Hathaway"}, {"Lehman Brothers"}, {"Bear Stearns"},
	{"Merrill Lynch"}, {"AIG", "American International Group"}, {"Allianz"}, {"AXA"},
	{"Mastercard", "MasterCard"}, {"American Express"}, {"Moody's"}, {"Standard & Poor's", "S&P"}, {"Fitch"},
	// pharmaceuticals
	{"Pfizer"}, {"Moderna"}, {"AstraZeneca"}, {"Johnson & Johnson"}, {"GlaxoSmithKline", "GSK"},
	{"Sanofi"}, {"Novartis"}, {"Roche"}, {"Merck"}, {"Bayer"}, {"Eli Lilly"}, {"AbbVie"},
	{"Bristol-Myers Squibb"}, {"Novo Nordisk"}, {"BioNTech"}, {"Gilead"}, {"Amgen"}, {"Teva"},
	// retail and consumer goods
	{"Walmart", "Wal-Mart"}, {"Costco"}, {"Home Depot"}, {"Best Buy"}, {"Carrefour"}, {"Tesco"},
	{"IKEA", "Ikea"}, {"H&M"}, {"Inditex"}, {"Aldi"}, {"Lidl"}, {"Starbucks"}, {"McDonald's"},
	{"Coca-Cola"}, {"PepsiCo", "Pepsi"}, {"Nike"}, {"Adidas"}, {"Unilever"}, {"Procter & Gamble"},
	{"Nestlé", "Nestle"}, {"Danone"}, {"L'Oréal", "L'Oreal"}, {"LVMH"},
	// airlines
	{"American Airlines"}, {"United Airlines"}, {"Delta Air Lines", "Delta Airlines"},
	{"Southwest Airlines"}, {"Ryanair"}, {"easyJet", "EasyJet"}, {"Lufthansa"},
	{"British Airways"}, {"KLM"}, {"Air France-KLM"}, {"Emirates Airline"}, {"Etihad", "Etihad Airways"},
	{"Qatar Airways"}, {"Singapore Airlines"}, {"Cathay Pacific"}, {"Qantas"}, {"Aeroflot"},
	{"Aer Lingus"}, {"Alitalia"}, {"Turkish Airlines"}, {"JetBlue"}, {"AirTran", "AirTran Airways"},
	{"Virgin Atlantic"}, {"Japan Airlines", "JAL"}, {"All Nippon Airways", "ANA"}, {"Korean Air"},
	{"Asiana", "Asiana Airlines"}, {"China Eastern", "China Eastern Airlines"},
	{"China Southern", "China Southern Airlines"}, {"Air China"}, {"Garuda Indonesia", "Garuda"},
	{"Lion Air"}, {"AirAsia"}, {"IndiGo"}, {"Wizz Air"}, {"Finnair"}, {"LATAM"}, {"Avianca"},
	{"Aeromexico", "Aeroméxico"}, {"EgyptAir"}, {"Ethiopian Airlines"}, {"Kenya Airways"},
	{"South African Airways"}, {"Malaysia Airlines"}, {"Thai Airways"}, {"Vietnam Airlines"},
	{"Philippine Airlines"}, {"Air India"}, {"Continental Airlines"}, {"Northwest Airlines"},
	{"US Airways"}, {"Pan Am"}, {"TWA", "Trans World Airlines"},
	// news agencies and outlets
	{"Bloomberg News"}, {"Dow Jones"}, {"Fox News"}, {"MSNBC"}, {"CNBC"}, {"CBS", "CBS News"},
	{"NBC", "NBC News"}, {"ABC News"}, {"NPR", "National Public Radio"}, {"PBS"},
	{"Al Jazeera"}, {"Al Arabiya"}, {"Sky News"}, {"Der Spiegel", "Spiegel"}, {"Le Monde"},
	{"Le Figaro"}, {"The Guardian"}, {"The Economist"}, {"Newsweek"}, {"USA Today"},
	{"Los Angeles Times"}, {"The Daily Telegraph", "Daily Telegraph"}, {"Daily Mail"},
	{"Kyodo", "Kyodo News"}, {"NHK"}, {"Asahi Shimbun"}, {"Yomiuri Shimbun"}, {"Nikkei"},
	{"China Daily"}, {"Global Times"}, {"People's Daily", "People’s Daily"}, {"CCTV"},
	{"Anadolu", "Anadolu Agency"}, {"Deutsche Presse-Agentur", "dpa", "DPA"}, {"EFE"}, {"ANSA"},
	{"Press Trust of India", "PTI"}, {"Bernama"}, {"Antara"}, {"ITAR-TASS"}, {"RT", "Russia Today"},
	{"Euronews"}, {"Deutsche Welle", "DW"}, {"Radio Free Europe/Radio Liberty", "RFE/RL", "Radio Free Europe"},
	{"Politico"}, {"Axios"}, {"Forbes"}, {"Wikipedia"},
	// sports bodies and clubs
	{"FIFA"}, {"UEFA"}, {"International Olympic Committee", "IOC"}, {"NBA"}, {"NFL"}, {"MLB"},
	{"NHL"}, {"NCAA"}, {"World Anti-Doping Agency", "WADA"}, {"Premier League"}, {"Bundesliga"},
	{"La Liga"}, {"Manchester United"}, {"Real Madrid"}, {"FC Barcelona"}, {"Bayern Munich"},
	{"Juventus"}, {"World Athletics", "IAAF"}, {"FIBA"},
	// international and public bodies
	{"Organisation for Economic Co-operation and Development", "OECD"},
	{"World Food Programme", "WFP"}, {"UN Development Programme", "UNDP"}, {"UNRWA"},
	{"Food and Agriculture Organization", "FAO"}, {"International Labour Organization", "ILO"},
	{"International Organization for Migration", "IOM"}, {"International Energy Agency", "IEA"},
	{"European Central Bank", "ECB"}, {"Council of Europe"}, {"European Court of Human Rights"},
	{"Europol"}, {"Frontex"}, {"Eurostat"}, {"Organization of American States", "OAS"},
	{"Mercosur"}, {"ECOWAS"}, {"Organisation of Islamic Cooperation", "OIC"},
	{"Asian Development Bank", "ADB"}, {"World Economic Forum", "WEF"},
	{"Doctors Without Borders", "Médecins Sans Frontières", "MSF"}, {"Greenpeace"}, {"Oxfam"},
	{"Save the Children"}, {"Transparency International"}, {"Reporters Without Borders"},
	{"International Air Transport Association", "IATA"},
	{"International Civil Aviation Organization", "ICAO"}, {"European Space Agency", "ESA"},
	{"NASA"}, {"Federal Aviation Administration", "FAA"}, {"Securities and Exchange Commission", "SEC"},
	{"Food and Drug Administration", "FDA"}, {"Centers for Disease Control and Prevention", "CDC"},
	{"Environmental Protection Agency", "EPA"}, {"National Transportation Safety Board", "NTSB"},
	{"Federal Trade Commission", "FTC"}, {"Government Accountability Office", "GAO"},
	// bands
	{"The Beatles", "Beatles"}, {"The Rolling Stones", "Rolling Stones"}, {"U2"}, {"ABBA"},
}
